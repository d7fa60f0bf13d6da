using OrderPipeline.Stack;
using OrderPipeline.Stack.Probes;
using OrderPipeline.Stack.Processes;
using OrderPipeline.TestSupport.Stack;

namespace OrderPipeline.Stack.Tests.Integration;

[Collection(StackIntegrationGroup.Name)]
[Trait("Category", "Integration")]
public sealed class LifecycleTests
{
    [Fact]
    public async Task Should_StartReportRestartAndStop_When_OneBrokerOneNode()
    {
        using var lease = SubnetLease.Acquire(StackTestEnvironment.FirstSubnet, StackTestEnvironment.LastSubnet);
        var options = StackTestEnvironment.OptionsFor(lease);
        var stack = new LocalStack(options);
        await stack.DownAsync(wipe: true);
        try
        {
            // Given nothing runs: status says so (exit 3)
            var before = await stack.StatusAsync();
            Assert.Equal(StackHealth.NotRunning, before.Health);
            Assert.Equal(3, before.ExitCode);

            // When the stack comes up
            var info = await stack.UpAsync(StackTopology.OneEach);

            // Then all three servers run and answer, topics exist with leaders, and the addresses are the subnet's
            Assert.Equal(3, info.Started);
            Assert.Equal($"{lease.Subnet}.1:9092", info.BootstrapServers);
            Assert.Equal([$"{lease.Subnet}.1:9042"], info.CassandraContactPoints);
            var status = await stack.StatusAsync();
            Assert.Equal(StackHealth.Running, status.Health);
            Assert.Equal(0, status.ExitCode);
            Assert.All(status.Servers, s => Assert.Equal(ServerState.Up, s.State));
            Assert.All(status.Servers, s => Assert.True(s.ResidentBytes > 0));
            var metadata = await KafkaProbe.GetMetadataAsync($"{lease.Subnet}.1", 9092);
            Assert.Equal(3, metadata.Topic("ecommerce-orders")?.Partitions.Count);
            Assert.True(metadata.Topic("ecommerce-orders")!.IsUsable);
            Assert.True(metadata.Topic("ecommerce-orders-dlq")?.IsUsable);
            Assert.True(await CassandraProbe.IsReadyAsync($"{lease.Subnet}.1", 9042));

            // When up runs again, it starts nothing and keeps the same processes
            var again = await stack.UpAsync();
            Assert.Equal(0, again.Started);
            Assert.Equal(status.Servers.Select(s => s.Record!.Pid), again.Servers.Select(s => s.Record!.Pid));

            // When a Cassandra node is SIGKILLed, status reports the stack as partly up (exit 2); restarting it heals it
            await stack.KillNodeAsync(ServerKind.Cassandra, 0);
            var degraded = await stack.StatusAsync();
            Assert.Equal(StackHealth.Degraded, degraded.Health);
            Assert.Equal(2, degraded.ExitCode);
            Assert.Equal(ServerState.Dead, degraded.Servers.Single(s => s.Spec.Kind == ServerKind.Cassandra).State);
            await stack.StartNodeAsync(ServerKind.Cassandra, 0);
            Assert.Equal(StackHealth.Running, (await stack.StatusAsync()).Health);

            // When the stack goes down, every recorded process is gone but the data stays
            var records = (await stack.StatusAsync()).Servers.Select(s => s.Record!).ToList();
            var down = await stack.DownAsync();
            Assert.Equal(3, down.Stopped.Count + down.Killed.Count);
            Assert.All(records, r => Assert.False(ProcessTable.IsAlive(r.Pid, r.StartTicks)));
            Assert.Equal(StackHealth.NotRunning, (await stack.StatusAsync()).Health);
            Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(options.StateDirectory, "cassandra-0", "data"), "*", SearchOption.AllDirectories));

            // When down runs again, nothing is stopped and nothing fails
            var secondDown = await stack.DownAsync();
            Assert.Empty(secondDown.Stopped);
            Assert.Empty(secondDown.Killed);

            // When asked for another topology while its data remains, up refuses and says how to proceed
            var mismatch = await Assert.ThrowsAsync<StackException>(() => stack.UpAsync(new StackTopology(3, 1)));
            Assert.Equal(StackErrorKind.Usage, mismatch.Kind);
            Assert.Contains("down --wipe", mismatch.Message, StringComparison.Ordinal);

            // When down --wipe runs, the data is deleted
            var wiped = await stack.DownAsync(wipe: true);
            Assert.True(wiped.Wiped);
            Assert.False(Directory.Exists(options.StateDirectory));
        }
        finally
        {
            await stack.DownAsync(wipe: true);
        }
    }
}
