using OrderPipeline.Stack;
using OrderPipeline.TestSupport.Stack;

namespace OrderPipeline.Stack.Tests.Integration;

[Collection(StackIntegrationGroup.Name)]
[Trait("Category", "Integration")]
public sealed class StartFailureTests
{
    [Fact]
    public async Task Should_ShowTheLogTail_When_AServerDiesDuringStart()
    {
        using var lease = SubnetLease.Acquire(StackTestEnvironment.FirstSubnet, StackTestEnvironment.LastSubnet);
        var baseOptions = StackTestEnvironment.OptionsFor(lease);
        // Given a broker heap the JVM refuses (it exits at once with an error on stderr)
        var options = new StackOptions
        {
            Subnet = baseOptions.Subnet,
            StateDirectory = baseOptions.StateDirectory,
            CacheDirectory = baseOptions.CacheDirectory,
            KafkaHeapMb = 1,
        };
        var stack = new LocalStack(options);
        await stack.DownAsync(wipe: true);
        try
        {
            // When the stack is started
            var ex = await Assert.ThrowsAsync<StackException>(() => stack.UpAsync(StackTopology.OneEach));

            // Then the error names the server, says it exited, and quotes its log
            Assert.Equal(StackErrorKind.ServerFailed, ex.Kind);
            Assert.Contains("kafka-0", ex.Message, StringComparison.Ordinal);
            Assert.Contains("exited during start", ex.Message, StringComparison.Ordinal);
            Assert.Contains("  | ", ex.Message, StringComparison.Ordinal);
            Assert.Contains("heap", ex.Message, StringComparison.OrdinalIgnoreCase);

            // And status reports the stack as broken (exit 2), since ZooKeeper and Cassandra still run
            Assert.Equal(2, (await stack.StatusAsync()).ExitCode);
        }
        finally
        {
            await stack.DownAsync(wipe: true);
        }
    }
}
