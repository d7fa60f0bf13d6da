using System.Globalization;
using System.Text.Json;
using OrderPipeline.TestSupport.Stack;
using Spectre.Console.Cli;
using Spectre.Console.Testing;

namespace OrderPipeline.Cli.Tests.Commands.Cql;

/// `orderpipeline cql` end to end (command line parsing, CqlSession, output) against the stack's Cassandra.
[Trait("Category", "Integration")]
public sealed class CqlCommandIntegrationTests(StackFixture stack) : IClassFixture<StackFixture>, IAsyncLifetime
{
    private readonly string _keyspace = "cli_it_" + Guid.NewGuid().ToString("N")[..12];

    private string Host => stack.CassandraHosts[0];

    public async Task InitializeAsync()
    {
        var (exit, output) = await RunAsync("cql", $"CREATE KEYSPACE {_keyspace} WITH replication = {{'class': 'SimpleStrategy', 'replication_factor': 1}}");
        Assert.True(exit == 0, output);
    }

    public async Task DisposeAsync() => await RunAsync("cql", $"DROP KEYSPACE IF EXISTS {_keyspace}");

    [Fact]
    public async Task Should_RenderEveryCassandra21Type_When_RowsAreSelected()
    {
        // Given a table with every type Cassandra 2.1 has, and one row
        const string Create = """
            CREATE TYPE address (street text, number int);
            CREATE TABLE everything (
              k int PRIMARY KEY, a ascii, bi bigint, b blob, bo boolean, de decimal, d double, f float, i inet,
              t text, ts timestamp, tu timeuuid, u uuid, vi varint, l list<text>, s set<int>, m map<text, int>,
              tp frozen<tuple<int, text>>, ad frozen<address>);
            INSERT INTO everything (k, a, bi, b, bo, de, d, f, i, t, ts, tu, u, vi, l, s, m, tp, ad) VALUES (
              1, 'ascii', -9223372036854775808, 0xcafe, true, 12.345, 1.5, 2.25, '127.0.0.1', 'it''s, "quoted"',
              '2017-10-02 10:56:33+0000', 50554d6e-29bb-11e5-b345-feff819cdc9f, e481f51c-bdc5-4678-b7cc-49136f2d6af7,
              123456789012345678901234567890, ['x', 'y'], {3, 1, 2}, {'a': 1}, (7, 'seven'),
              {street: 'Rua A', number: 12});
            """;
        var (created, createOutput) = await RunAsync("cql", "-k", _keyspace, Create);
        Assert.True(created == 0, createOutput);

        // When it is selected as a table, JSON and CSV
        var (tableExit, table) = await RunAsync("cql", "-k", _keyspace, "SELECT * FROM everything");
        var (jsonExit, json) = await RunAsync("cql", "-k", _keyspace, "--format", "json", "SELECT * FROM everything");
        var (csvExit, csv) = await RunAsync("cql", "-k", _keyspace, "--format", "csv", "SELECT k, t, l, ts FROM everything");

        // Then values are rendered as cqlsh users expect
        Assert.Equal(0, tableExit);
        Assert.Contains("0xcafe", table, StringComparison.Ordinal);
        Assert.Contains("2017-10-02T10:56:33.000Z", table, StringComparison.Ordinal);
        Assert.Contains("e481f51c-bdc5-4678-b7cc-49136f2d6af7", table, StringComparison.Ordinal);
        Assert.Contains("123456789012345678901234567890", table, StringComparison.Ordinal);
        Assert.Contains("{1, 2, 3}", table, StringComparison.Ordinal);
        Assert.Contains("{'a': 1}", table, StringComparison.Ordinal);
        Assert.Contains("(7, 'seven')", table, StringComparison.Ordinal);
        Assert.Contains("{street: 'Rua A', number: 12}", table, StringComparison.Ordinal);
        Assert.Contains("(1 row)", table, StringComparison.Ordinal);

        Assert.Equal(0, jsonExit);
        using var document = JsonDocument.Parse(json);
        var row = document.RootElement[0];
        Assert.Equal(long.MinValue, row.GetProperty("bi").GetInt64());
        Assert.Equal("12.345", row.GetProperty("de").GetRawText());
        Assert.Equal("127.0.0.1", row.GetProperty("i").GetString());
        Assert.Equal("it's, \"quoted\"", row.GetProperty("t").GetString());
        Assert.Equal("50554d6e-29bb-11e5-b345-feff819cdc9f", row.GetProperty("tu").GetString());
        Assert.Equal(12, row.GetProperty("ad").GetProperty("number").GetInt32());
        Assert.True(row.GetProperty("bo").GetBoolean());

        Assert.Equal(0, csvExit);
        Assert.Equal("k,t,l,ts\r\n1,\"it's, \"\"quoted\"\"\",\"['x', 'y']\",2017-10-02T10:56:33.000Z\r\n", csv);
    }

    [Fact]
    public async Task Should_PageThroughAllRows_When_ResultExceedsPageSize()
    {
        // Given 450 rows written by a script file (one statement per row, with comments)
        var script = Path.Combine(Path.GetTempPath(), $"{_keyspace}.cql");
        var lines = new List<string> { $"USE {_keyspace};", "CONSISTENCY QUORUM;", "CREATE TABLE p (k int, c int, PRIMARY KEY (k, c)); -- the table" };
        lines.AddRange(Enumerable.Range(1, 450).Select(i => string.Create(CultureInfo.InvariantCulture, $"INSERT INTO p (k, c) VALUES ({i % 5}, {i}); /* row {i}; */")));
        await File.WriteAllLinesAsync(script, lines);
        try
        {
            var (written, writeOutput) = await RunAsync("cql", "--file", script);
            Assert.True(written == 0, writeOutput);
            Assert.Contains("Consistency level set to QUORUM.", writeOutput, StringComparison.Ordinal);

            // When read with 100-row pages
            var (csvExit, csv) = await RunAsync("cql", "-k", _keyspace, "--page-size", "100", "--format", "csv", "SELECT c FROM p");
            var (tableExit, table) = await RunAsync("cql", "-k", _keyspace, "--page-size", "100", "SELECT c FROM p");

            // Then every row arrives once, and the table is shown in blocks of one page
            Assert.Equal(0, csvExit);
            var values = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(int.Parse).ToList();
            Assert.Equal(Enumerable.Range(1, 450), values.Order());
            Assert.Equal(0, tableExit);
            Assert.Contains("(450 rows)", table, StringComparison.Ordinal);
            Assert.Equal(5, table.Split('\n').Count(l => l.Contains("│ c ", StringComparison.Ordinal)));
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Fact]
    public async Task Should_Exit1WithOneLine_When_SyntaxErrorOrUnknownTable()
    {
        var (syntaxExit, syntax) = await RunAsync("cql", "SELEC * FROM x");
        var (unknownExit, unknown) = await RunAsync("cql", "-k", _keyspace, "SELECT * FROM no_such_table");

        Assert.Equal(1, syntaxExit);
        Assert.StartsWith("Error: Syntax error:", Assert.Single(NonEmptyLines(syntax)), StringComparison.Ordinal);
        Assert.Equal(1, unknownExit);
        Assert.StartsWith("Error: Invalid query:", Assert.Single(NonEmptyLines(unknown)), StringComparison.Ordinal);
        Assert.Contains("no_such_table", unknown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Exit2WithOneLine_When_NoNodeAnswers()
    {
        // Port 1 on the node's address: nothing listens there
        var (exit, output) = await RunWithoutDefaultsAsync("cql", "--contact-points", Host, "--port", "1", "SELECT * FROM system.local");

        Assert.Equal(2, exit);
        Assert.StartsWith("Error: Cluster unavailable:", Assert.Single(NonEmptyLines(output)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_PrintConfirmations_When_StatementsReturnNoRows()
    {
        var (exit, output) = await RunAsync("cql", "-k", _keyspace, "CREATE TABLE c (k int PRIMARY KEY); INSERT INTO c (k) VALUES (1); DROP TABLE c");

        Assert.Equal(0, exit);
        Assert.Equal(["OK: CREATE TABLE applied.", "OK: INSERT applied.", "OK: DROP TABLE applied."], NonEmptyLines(output));
    }

    private Task<(int Exit, string Output)> RunAsync(params string[] args) =>
        RunWithoutDefaultsAsync([args[0], "--contact-points", Host, .. args[1..]]);

    private static async Task<(int Exit, string Output)> RunWithoutDefaultsAsync(params string[] args)
    {
        using var console = new TestConsole();
        var app = new CommandApp();
        app.Configure(config =>
        {
            CommandRegistry.Register(config);
            config.ConfigureConsole(console);
        });
        var exit = await app.RunAsync(args);
        return (exit, console.Output);
    }

    private static string[] NonEmptyLines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
