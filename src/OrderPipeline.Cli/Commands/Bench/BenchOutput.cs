using OrderPipeline.Bench;
using OrderPipeline.Bench.Reporting;
using OrderPipeline.Bench.Suites;
using Spectre.Console;

namespace OrderPipeline.Cli.Commands.Bench;

/// Prints a run's tables to the console and writes its section (and chart) into the repository.
internal static class BenchOutput
{
    public static void Print(IAnsiConsole console, BenchReport report)
    {
        foreach (var table in report.Tables.Append(report.NotMeasuredTable()).Where(t => t.Rows.Count > 0))
        {
            var grid = new Table().Title($"[bold]{Markup.Escape(table.Title)}[/]").Border(TableBorder.Rounded);
            foreach (var header in table.Headers)
            {
                grid.AddColumn(new TableColumn(Markup.Escape(header)));
            }

            foreach (var row in table.Rows)
            {
                grid.AddRow([.. row.Select(c => new Markup(Markup.Escape(c)))]);
            }

            console.Write(grid);
            foreach (var note in table.Notes)
            {
                console.MarkupLineInterpolated($"[grey]- {note}[/]");
            }
        }
    }

    /// Writes the Markdown section named after the command into BENCHMARKS.md; returns the file's path.
    public static string Write(BenchEnvironment environment, string name, string commandLine, BenchReport report)
    {
        var tables = report.Tables.Append(report.NotMeasuredTable()).Where(t => t.Rows.Count > 0);
        var section = BenchmarksFile.Render(name, commandLine, MachineInfo.Read(), DateTimeOffset.UtcNow, tables, report.Preamble);
        BenchmarksFile.WriteSection(environment.BenchmarksFile, name, section);
        return environment.BenchmarksFile;
    }

    public static void Log(IAnsiConsole console, string message) =>
        console.MarkupLineInterpolated($"[grey]{DateTime.UtcNow:HH:mm:ss}[/] {message}");

    /// The 1/5/15-minute load averages: on a shared machine they say how much else was running.
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
