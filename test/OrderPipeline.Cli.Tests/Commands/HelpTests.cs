using OrderPipeline.Cli.Tests.Stack;

namespace OrderPipeline.Cli.Tests.Commands;

public sealed class HelpTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly Dictionary<string, string> NoEnvironment = [];

    [Theory]
    [InlineData("")]
    [InlineData("stack up")]
    [InlineData("stack status")]
    [InlineData("stack down")]
    [InlineData("produce")]
    [InlineData("generate")]
    [InlineData("consume")]
    [InlineData("schema apply")]
    [InlineData("verify")]
    [InlineData("demo")]
    [InlineData("docs")]
    [InlineData("cql")]
    [InlineData("dashboard")]
    [InlineData("report")]
    [InlineData("bench cql")]
    [InlineData("bench pipeline")]
    [InlineData("bench all")]
    public async Task Should_PrintUsageAndExitZero_When_HelpAsked(string command)
    {
        // Given a command line; When --help is added
        string[] args = [.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"];
        var (exitCode, output) = await CliProcess.RunAsync(NoEnvironment, Timeout, args);

        // Then the usage is printed, never a markup or runtime error
        Assert.Equal(0, exitCode);
        Assert.Contains("USAGE", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_ExitOneWithAMessage_When_OptionUnknown()
    {
        // Given an option no command knows
        var (exitCode, output) = await CliProcess.RunAsync(NoEnvironment, Timeout, "produce", "--no-such-flag");

        // Then the user is told, with exit code 1 and no stack trace
        Assert.Equal(1, exitCode);
        Assert.Contains("no-such-flag", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }
}
