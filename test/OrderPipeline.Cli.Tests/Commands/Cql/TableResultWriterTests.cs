using OrderPipeline.Cli.Commands.Cql;
using Spectre.Console.Testing;

namespace OrderPipeline.Cli.Tests.Commands.Cql;

public class TableResultWriterTests
{
    [Fact]
    public async Task Should_RenderHeadersValuesAndCount_When_RowsReturned()
    {
        var console = new TestConsole();
        var result = FakeShell.Rows(["customer_id", "status"], [Guid.Empty, "delivered"], [Guid.Empty, null]);

        var count = await new TableResultWriter(console, 100).WriteAsync(result, CancellationToken.None);

        Assert.Equal(2, count);
        var lines = console.Lines;
        Assert.Contains(lines, l => l.Contains("customer_id", StringComparison.Ordinal) && l.Contains("status", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("00000000-0000-0000-0000-000000000000", StringComparison.Ordinal) && l.Contains("delivered", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("null", StringComparison.Ordinal));
        Assert.Equal("(2 rows)", lines[^1].Trim());
    }

    [Fact]
    public async Task Should_RenderOneTablePerChunk_When_ResultLargerThanChunk()
    {
        // Given 5 rows shown in chunks of 2
        var console = new TestConsole();
        var rows = Enumerable.Range(1, 5).Select(i => new object?[] { i }).ToArray();

        await new TableResultWriter(console, 2).WriteAsync(FakeShell.Rows(["n"], rows), CancellationToken.None);

        // Then three tables, each with its own header, and every row once
        Assert.Equal(3, console.Lines.Count(l => l.Contains(" n ", StringComparison.Ordinal)));
        for (var i = 1; i <= 5; i++)
        {
            Assert.Single(console.Lines, l => l.Contains($" {i} ", StringComparison.Ordinal));
        }

        Assert.Equal("(5 rows)", console.Lines[^1].Trim());
    }

    [Fact]
    public async Task Should_ShowHeaderAndZeroRows_When_ResultEmpty()
    {
        var console = new TestConsole();

        await new TableResultWriter(console, 10).WriteAsync(FakeShell.Rows(["only"]), CancellationToken.None);

        Assert.Contains(console.Lines, l => l.Contains("only", StringComparison.Ordinal));
        Assert.Equal("(0 rows)", console.Lines[^1].Trim());
    }

    [Fact]
    public async Task Should_KeepRowsOnOneLine_When_OutputIsPipedAndTableIsWide()
    {
        // Given a test console (not a terminal, 80 columns) and a row far wider than that
        var console = new TestConsole();
        var wide = new string('x', 150);

        await new TableResultWriter(console, 10).WriteAsync(FakeShell.Rows(["a", "b"], [wide, "tail"]), CancellationToken.None);

        // Then the value is not wrapped: it and its neighbour sit on one line
        Assert.Contains(console.Lines, l => l.Contains(wide, StringComparison.Ordinal) && l.Contains("tail", StringComparison.Ordinal));
        Assert.Equal(80, console.Profile.Width);
    }

    [Fact]
    public async Task Should_ShowTextLiterally_When_ValueLooksLikeMarkup()
    {
        var console = new TestConsole();

        await new TableResultWriter(console, 10).WriteAsync(FakeShell.Rows(["v"], ["[red]x[/]"]), CancellationToken.None);

        Assert.Contains(console.Lines, l => l.Contains("[red]x[/]", StringComparison.Ordinal));
    }
}
