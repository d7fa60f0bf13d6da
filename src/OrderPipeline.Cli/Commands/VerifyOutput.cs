using OrderPipeline.Consumer.Cassandra;
using OrderPipeline.Consumer.Verification;
using Spectre.Console;

namespace OrderPipeline.Cli.Commands;

/// <summary>Renders a verification report and a sample of the table (shared by verify and demo).</summary>
internal static class VerifyOutput
{
    public static void WriteReport(IAnsiConsole console, VerificationReport report)
    {
        var r = report.Result;
        var table = new Table().AddColumns("expected", "found", "matched", "missing", "mismatched", "unexpected", "duplicated", "rejected (CSV)");
        table.AddRow(
            r.Expected.ToString("N0"), r.Found.ToString("N0"), r.Matched.ToString("N0"), r.Missing.ToString("N0"),
            r.Mismatched.ToString("N0"), r.Unexpected.ToString("N0"), r.Duplicated.ToString("N0"), report.Cleaning.Rejected.ToString("N0"));
        console.Write(table);
        console.WriteLine($"CSV: {report.Cleaning}");
        foreach (var d in r.FirstDifferences)
        {
            console.MarkupLineInterpolated($"[yellow]{d.Kind}[/] order {d.OrderId:N} (customer {d.CustomerId:N}): {d.Detail}");
        }

        console.MarkupLine(r.AllMatch
            ? "[green]Verified: every valid order is stored exactly once with the expected fields, and nothing else.[/]"
            : "[red]Verification failed.[/]");
    }

    public static async Task WriteSampleAsync(IAnsiConsole console, CassandraAccess cassandra, string keyspace, int rows, CancellationToken cancellationToken)
    {
        if (rows <= 0)
        {
            return;
        }

        var cql = $"SELECT * FROM {keyspace}.orders LIMIT {rows}";
        var result = await cassandra.QueryAsync(cql, cancellationToken);
        var table = new Table { Title = new TableTitle(cql) };
        foreach (var column in result.Columns)
        {
            table.AddColumn(column);
        }

        foreach (var row in result.Rows)
        {
            table.AddRow(row.Select(v => Markup.Escape(v)).ToArray());
        }

        // Ten columns of ids and timestamps need about 240 characters; redirected output defaults to 80,
        // which would wrap every cell into unreadable slivers.
        var width = console.Profile.Width;
        console.Profile.Width = Math.Max(width, 240);
        try
        {
            console.Write(table);
        }
        finally
        {
            console.Profile.Width = width;
        }
    }
}
