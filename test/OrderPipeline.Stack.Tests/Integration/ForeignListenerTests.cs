using System.Net;
using System.Net.Sockets;
using OrderPipeline.Stack;
using OrderPipeline.TestSupport.Stack;

namespace OrderPipeline.Stack.Tests.Integration;

[Collection(StackIntegrationGroup.Name)]
[Trait("Category", "Integration")]
public sealed class ForeignListenerTests
{
    [Fact]
    public async Task Should_FailClearlyAndLeaveItAlone_When_AForeignProcessHoldsACassandraAddress()
    {
        using var lease = SubnetLease.Acquire(StackTestEnvironment.FirstSubnet, StackTestEnvironment.LastSubnet);
        var options = StackTestEnvironment.OptionsFor(lease);
        var stack = new LocalStack(options);
        await stack.DownAsync(wipe: true);

        // Given a listener that is not ours on <subnet>.2:9042 (where the second Cassandra node belongs)
        var address = $"{lease.Subnet}.2";
        var listener = new TcpListener(IPAddress.Parse(address), 9042);
        listener.Start();
        try
        {
            // When a 1+2 stack is asked for
            var ex = await Assert.ThrowsAsync<StackException>(() => stack.UpAsync(new StackTopology(1, 2)));

            // Then the error names the address and its holder, and says what to do
            Assert.Equal(StackErrorKind.PortInUse, ex.Kind);
            Assert.Contains($"{address}:9042", ex.Message, StringComparison.Ordinal);
            Assert.Contains($"PID {Environment.ProcessId}", ex.Message, StringComparison.Ordinal);
            Assert.Contains("ORDERPIPELINE_STACK_SUBNET", ex.Message, StringComparison.Ordinal);

            // And nothing was started, while the foreign listener still accepts connections
            Assert.Equal(StackHealth.NotRunning, (await stack.StatusAsync()).Health);
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Parse(address), 9042);
            using var accepted = await listener.AcceptTcpClientAsync();
            Assert.True(accepted.Connected);
        }
        finally
        {
            listener.Stop();
            await stack.DownAsync(wipe: true);
        }
    }
}
