using System.Globalization;
using OrderPipeline.Chaos.Framework;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OrderPipeline.Chaos.Reporting;

/// The one table `chaos` prints: scenario, orders in, stored, dead-lettered, rejected, lost, duplicated, time to
/// recover, verdict; then one line per failed check.
public static class ChaosTable
{
    public static readonly string[] Headers =
        ["#", "scenario", "orders in", "stored", "dead-lettered", "rejected", "lost", "duplicated", "time to recover", "verdict"];

    /// The cells of one row as plain text ("-" where a count does not apply).
    public static IReadOnlyList<string> Cells(ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return
        [
            result.Number.ToString(CultureInfo.InvariantCulture),
            result.Name,
            Count(result.OrdersIn),
            Count(result.Stored),
            Count(result.DeadLettered),
            Count(result.Rejected),
            Count(result.Lost),
            Count(result.Duplicated),
            result.TimeToRecover is { } t ? t.TotalSeconds.ToString("0.0 's'", CultureInfo.InvariantCulture) : "-",
            result.Verdict == ChaosVerdict.Pass ? "PASS" : "FAIL",
        ];
    }

    public static Table Build(IEnumerable<ScenarioResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var (header, i) in Headers.Select((h, i) => (h, i)))
        {
            var column = new TableColumn(header);
            table.AddColumn(i is 0 or 1 ? column : column.RightAligned());
        }

        foreach (var result in results)
        {
            var cells = Cells(result);
            var verdict = result.Verdict == ChaosVerdict.Pass ? $"[green]{cells[^1]}[/]" : $"[red]{cells[^1]}[/]";
            table.AddRow([.. cells.Take(cells.Count - 1).Select(c => (IRenderable)new Text(c)), new Markup(verdict)]);
        }

        return table;
    }

    /// The table, then each failed row's reasons.
    public static void Render(IAnsiConsole console, IReadOnlyList<ScenarioResult> results)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(results);
        console.Write(Build(results));
        foreach (var result in results.Where(r => r.Verdict == ChaosVerdict.Fail))
        {
            foreach (var failure in result.Failures.DefaultIfEmpty("no checks were made"))
            {
                console.MarkupLineInterpolated($"[red]{result.Number} {result.Name}:[/] {failure}");
            }
        }
    }

    private static string Count(long? value) => value is { } v ? v.ToString("N0", CultureInfo.InvariantCulture) : "-";
}
