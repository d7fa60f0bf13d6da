namespace OrderPipeline.Cli.Tests.Stack;

public sealed class StackCommandTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _stateDir = Directory.CreateTempSubdirectory("op-stack-cli-").FullName;

    private Dictionary<string, string> Environment => new()
    {
        ["ORDERPIPELINE_STACK_SUBNET"] = "127.0.19",
        ["ORDERPIPELINE_STACK_DIR"] = _stateDir,
    };

    public void Dispose() => Directory.Delete(_stateDir, recursive: true);

    [Fact]
    public async Task Should_ListUpStatusDown_When_HelpAsked()
    {
        var (exitCode, output) = await CliProcess.RunAsync(Environment, Timeout, "stack", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("up", output, StringComparison.Ordinal);
        Assert.Contains("status", output, StringComparison.Ordinal);
        Assert.Contains("down", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_DescribeOptions_When_UpHelpAsked()
    {
        var (exitCode, output) = await CliProcess.RunAsync(Environment, Timeout, "stack", "up", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("--kafka-brokers", output, StringComparison.Ordinal);
        Assert.Contains("--cassandra-nodes", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_ExitThree_When_NothingRuns()
    {
        var (exitCode, output) = await CliProcess.RunAsync(Environment, Timeout, "stack", "status");

        Assert.Equal(3, exitCode);
        Assert.Contains("No stack is running", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_ExitOneWithTheRange_When_TopologyOutOfRange()
    {
        var (exitCode, output) = await CliProcess.RunAsync(Environment, Timeout, "stack", "up", "--kafka-brokers", "5");

        Assert.Equal(1, exitCode);
        Assert.Contains("1..3", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_ExitOne_When_SubnetIsNotLoopback()
    {
        var environment = Environment;
        environment["ORDERPIPELINE_STACK_SUBNET"] = "10.1.2";

        var (exitCode, output) = await CliProcess.RunAsync(environment, Timeout, "stack", "status");

        Assert.Equal(1, exitCode);
        Assert.Contains("10.1.2", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_SucceedQuietly_When_DownWithNothingRunning()
    {
        var (exitCode, output) = await CliProcess.RunAsync(Environment, Timeout, "stack", "down");

        Assert.Equal(0, exitCode);
        Assert.Contains("Nothing was running", output, StringComparison.Ordinal);
    }
}
