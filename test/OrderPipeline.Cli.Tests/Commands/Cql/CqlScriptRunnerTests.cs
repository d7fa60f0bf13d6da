using OrderPipeline.Cli.Commands.Cql;
using Spectre.Console.Testing;

namespace OrderPipeline.Cli.Tests.Commands.Cql;

public class CqlScriptRunnerTests
{
    private static readonly CqlShellOptions Options = new(["127.0.0.1"], 9042, null, null, null, 100, TimeSpan.FromSeconds(5));

    private static Task<int> RunAsync(TestConsole console, FakeShell shell, string script, CqlOutputFormat format = CqlOutputFormat.Table, CancellationToken cancellationToken = default) =>
        new CqlScriptRunner(console, shell).RunAsync(Options, script, "ONE", format, cancellationToken);

    [Fact]
    public async Task Should_PrintConfirmationAndExit0_When_StatementHasNoRows()
    {
        var console = new TestConsole();
        var shell = new FakeShell().Answer(new CqlConfirmation("Created table ks.t."));

        var exit = await RunAsync(console, shell, "CREATE TABLE ks.t (k int PRIMARY KEY)");

        Assert.Equal(0, exit);
        Assert.Equal("Created table ks.t.", console.Output.Trim());
        Assert.True(shell.Disposed);
    }

    [Fact]
    public async Task Should_RunEveryStatementInOrder_When_ScriptHasSeveral()
    {
        var console = new TestConsole();
        var shell = new FakeShell()
            .Answer(new CqlConfirmation("OK"))
            .Answer(FakeShell.Rows(["k"], [1]));

        var exit = await RunAsync(console, shell, "INSERT INTO t (k) VALUES (1); SELECT k FROM t;");

        Assert.Equal(0, exit);
        Assert.Equal(["INSERT INTO t (k) VALUES (1)", "SELECT k FROM t"], shell.Executed.Select(e => e.Statement));
        Assert.Contains("(1 row)", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Exit1WithOneLineAndStop_When_StatementFails()
    {
        // Given a script whose second statement is wrong
        var console = new TestConsole();
        var shell = new FakeShell()
            .Answer(new CqlConfirmation("OK"))
            .Fail(CqlShellFailure.Statement, "line 1:0 no viable alternative\nat input 'SELEC'");

        // When it runs
        var exit = await RunAsync(console, shell, "INSERT INTO t (k) VALUES (1);\n\nSELEC k FROM t;\nSELECT 3;");

        // Then it stops there with exit 1 and a single error line naming the statement's line
        Assert.Equal(1, exit);
        Assert.Equal(2, shell.Executed.Count);
        var error = Assert.Single(console.Lines, l => l.StartsWith("Error:", StringComparison.Ordinal));
        Assert.Equal("Error: (statement at line 3) line 1:0 no viable alternative at input 'SELEC'", error);
    }

    [Fact]
    public async Task Should_Exit2_When_ClusterUnreachable()
    {
        var console = new TestConsole();
        var shell = new FakeShell { ConnectFailure = new CqlShellException(CqlShellFailure.Unavailable, "No host reachable: 127.0.0.1:9042 (connection refused).") };

        var exit = await RunAsync(console, shell, "SELECT 1");

        Assert.Equal(2, exit);
        Assert.Equal("Error: No host reachable: 127.0.0.1:9042 (connection refused).", console.Output.Trim());
        Assert.Empty(shell.Executed);
    }

    [Fact]
    public async Task Should_Exit2_When_StatementFailsForLackOfReplicas()
    {
        var console = new TestConsole();
        var shell = new FakeShell().Fail(CqlShellFailure.Unavailable, "Not enough replicas for QUORUM: 2 required, 1 alive.");

        Assert.Equal(2, await RunAsync(console, shell, "INSERT INTO t (k) VALUES (1)"));
    }

    [Fact]
    public async Task Should_ApplyConsistencyCommand_When_ScriptSetsIt()
    {
        var console = new TestConsole();
        var shell = new FakeShell().Answer(new CqlConfirmation("OK")).Answer(new CqlConfirmation("OK"));

        var exit = await RunAsync(console, shell, "INSERT INTO t (k) VALUES (1); CONSISTENCY quorum; INSERT INTO t (k) VALUES (2); CONSISTENCY;");

        Assert.Equal(0, exit);
        Assert.Equal(["ONE", "QUORUM"], shell.Executed.Select(e => e.Consistency));
        Assert.Contains("Consistency level set to QUORUM.", console.Output, StringComparison.Ordinal);
        Assert.Contains("Current consistency level is QUORUM.", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Exit1_When_ConsistencyCommandNamesUnknownLevel()
    {
        var console = new TestConsole();

        var exit = await RunAsync(console, new FakeShell(), "CONSISTENCY MOST");

        Assert.Equal(1, exit);
        Assert.Contains("Unknown consistency level 'MOST'", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Exit130_When_Cancelled()
    {
        var console = new TestConsole();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var exit = await RunAsync(console, new FakeShell().Answer(new CqlConfirmation("OK")), "SELECT 1", cancellationToken: cancellation.Token);

        Assert.Equal(130, exit);
    }

    [Theory]
    [InlineData("SELECT 'open", "string literal")]
    [InlineData("-- nothing here", "No statement")]
    public async Task Should_Exit1WithoutConnecting_When_ScriptCannotBeSplit(string script, string message)
    {
        var console = new TestConsole();
        var shell = new FakeShell();

        var exit = await RunAsync(console, shell, script);

        Assert.Equal(1, exit);
        Assert.Null(shell.ConnectedWith);
        Assert.Contains(message, console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_WriteCsv_When_FormatIsCsv()
    {
        var console = new TestConsole();
        var shell = new FakeShell().Answer(FakeShell.Rows(["k", "v"], [1, "a,b"]));

        await RunAsync(console, shell, "SELECT k, v FROM t", CqlOutputFormat.Csv);

        Assert.Equal("k,v\r\n1,\"a,b\"\r\n", console.Output);
    }
}
