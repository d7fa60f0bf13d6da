using OrderPipeline.Stack;
using OrderPipeline.TestSupport.Stack;

namespace OrderPipeline.Stack.Tests.Unit;

public class StackFixtureTests
{
    [Fact]
    public async Task Should_FailWithHowToStart_When_NoStackAnswers()
    {
        // Given a subnet where no server runs
        var fixture = new StackFixture(new StackOptions { Subnet = "127.0.19", StateDirectory = "/tmp/op-stack-none" });

        // When the fixture initialises, it fails (never skips) and says how to start the stack
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(fixture.InitializeAsync);
        Assert.Contains("127.0.19.1:9092", ex.Message, StringComparison.Ordinal);
        Assert.Contains("./orderpipeline stack up", ex.Message, StringComparison.Ordinal);
    }
}
