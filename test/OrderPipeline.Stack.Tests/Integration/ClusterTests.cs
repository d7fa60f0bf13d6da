using OrderPipeline.Stack;
using OrderPipeline.Stack.Probes;
using OrderPipeline.Stack.Processes;
using OrderPipeline.TestSupport.Stack;

namespace OrderPipeline.Stack.Tests.Integration;

[Collection(StackIntegrationGroup.Name)]
[Trait("Category", "Integration")]
public sealed class ClusterTests
{
    [Fact]
    public async Task Should_FormOneClusterEach_When_ThreeBrokersAndThreeNodes()
    {
        // Given a 3+3 stack
        var stack = await StackTestEnvironment.StartIsolatedAsync(new StackTopology(3, 3));
        IReadOnlyList<ServerRecord> records;
        string stateDirectory;
        await using (stack)
        {
            var status = await stack.Stack.StatusAsync();
            records = [.. status.Servers.Select(s => s.Record!)];
            stateDirectory = stack.Options.StateDirectory;
            Assert.Equal(7, records.Count);
            Assert.Equal(StackHealth.Running, status.Health);

            // Then every Cassandra node sees the two others in system.peers
            foreach (var host in stack.CassandraHosts)
            {
                Assert.Equal(2, await CassandraProbe.CountPeersAsync(host, 9042));
            }

            // And every broker reports all three brokers and the orders topic fully replicated
            foreach (var endpoint in stack.BootstrapServers.Split(','))
            {
                var metadata = await KafkaProbe.GetMetadataAsync(endpoint.Split(':')[0], int.Parse(endpoint.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture));
                Assert.Equal([0, 1, 2], metadata.Brokers.Select(b => b.NodeId).Order());
                var orders = metadata.Topic("ecommerce-orders");
                Assert.NotNull(orders);
                Assert.Equal(3, orders.Partitions.Count);
                Assert.All(orders.Partitions, p => Assert.Equal(3, p.Replicas.Count));
            }

            // And the shared-stack fixture, pointed at it, discovers the topology
            var fixture = new StackFixture(stack.Options);
            await fixture.InitializeAsync();
            Assert.Equal(new StackTopology(3, 3), fixture.Topology);
            Assert.Equal(stack.BootstrapServers, fixture.BootstrapServers);
        }

        // When it is disposed (down --wipe), no process and no data is left
        Assert.All(records, r => Assert.False(ProcessTable.IsAlive(r.Pid, r.StartTicks), $"{r.Kind} {r.Index} PID {r.Pid} still runs"));
        Assert.False(Directory.Exists(stateDirectory));
    }

    [Fact]
    public async Task Should_RunSideBySide_When_TwoStacksOnDifferentSubnets()
    {
        // Given two 1+1 stacks started at the same time
        var starts = new[] { StackTestEnvironment.StartIsolatedAsync(StackTopology.OneEach), StackTestEnvironment.StartIsolatedAsync(StackTopology.OneEach) };
        IsolatedStack[] stacks;
        try
        {
            stacks = await Task.WhenAll(starts);
        }
        catch
        {
            foreach (var start in starts.Where(s => s.IsCompletedSuccessfully))
            {
                await (await start).DisposeAsync();
            }

            throw;
        }

        await using var first = stacks[0];
        await using var second = stacks[1];

        // Then they are on different subnets and each is fully up
        Assert.NotEqual(first.Subnet, second.Subnet);
        foreach (var stack in new[] { first, second })
        {
            Assert.Equal(StackHealth.Running, (await stack.Stack.StatusAsync()).Health);
            var metadata = await KafkaProbe.GetMetadataAsync($"{stack.Subnet}.1", 9092);
            var broker = Assert.Single(metadata.Brokers);
            Assert.Equal($"{stack.Subnet}.1", broker.Host);
            Assert.Equal(0, await CassandraProbe.CountPeersAsync($"{stack.Subnet}.1", 9042));
        }
    }
}
