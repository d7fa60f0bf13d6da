using OrderPipeline.TestSupport.Stack;

namespace OrderPipeline.Cli.Tests.Stack;

[Trait("Category", "Integration")]
public sealed class StackCommandIntegrationTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Should_PrintAddressesAndReturn_When_UpStatusDownThroughTheCli()
    {
        // Given a free subnet of the stack team's range and an empty state folder
        using var lease = SubnetLease.Acquire(12, 19);
        var stateDir = Path.Combine(Path.GetTempPath(), "op-stack-tests", "cli-" + lease.Subnet);
        var env = new Dictionary<string, string>
        {
            ["ORDERPIPELINE_STACK_SUBNET"] = lease.Subnet,
            ["ORDERPIPELINE_STACK_DIR"] = stateDir,
        };
        await CliProcess.RunAsync(env, Timeout, "stack", "down", "--wipe");
        try
        {
            // When `stack up` runs with its output captured, it exits (the servers do not hold its stdout)
            var (upExit, upOutput) = await CliProcess.RunAsync(env, Timeout, "stack", "up");

            // Then it prints where clients connect
            Assert.True(upExit == 0, upOutput);
            Assert.Contains($"Kafka bootstrap servers: {lease.Subnet}.1:9092", upOutput, StringComparison.Ordinal);
            Assert.Contains($"Cassandra contact points: {lease.Subnet}.1:9042", upOutput, StringComparison.Ordinal);

            // And the servers outlive the CLI process: status, a new process, sees them up
            var (statusExit, statusOutput) = await CliProcess.RunAsync(env, Timeout, "stack", "status");
            Assert.True(statusExit == 0, statusOutput);
            Assert.Contains("cassandra-0", statusOutput, StringComparison.Ordinal);
            Assert.Contains(Path.Combine(stateDir, "kafka-0", "server.log"), statusOutput, StringComparison.Ordinal);

            // When down --wipe runs, everything stops and status exits 3
            var (downExit, downOutput) = await CliProcess.RunAsync(env, Timeout, "stack", "down", "--wipe");
            Assert.True(downExit == 0, downOutput);
            Assert.Contains("Stopped 3 server(s)", downOutput, StringComparison.Ordinal);
            Assert.Equal(3, (await CliProcess.RunAsync(env, Timeout, "stack", "status")).ExitCode);
            Assert.False(Directory.Exists(stateDir));
        }
        finally
        {
            await CliProcess.RunAsync(env, Timeout, "stack", "down", "--wipe");
        }
    }
}
