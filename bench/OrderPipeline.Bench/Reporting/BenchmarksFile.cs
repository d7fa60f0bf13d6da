using System.Globalization;
using System.Text;

namespace OrderPipeline.Bench.Reporting;

/// Writes one run's section into BENCHMARKS.md between markers named after the command, so `bench cql`,
/// `bench pipeline` and `bench all` each keep their latest output without touching the rest of the file.
public static class BenchmarksFile
{
    public static string Render(string name, string commandLine, MachineInfo machine, DateTimeOffset date,
        IEnumerable<ResultTable> tables, IEnumerable<string> preamble)
    {
        var md = new StringBuilder();
        md.Append("## `").Append(commandLine).AppendLine("`").AppendLine();
        md.Append("- Date: ").AppendLine(date.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        md.Append("- Machine: ").AppendLine(machine.ToString());
        foreach (var line in preamble)
        {
            md.Append("- ").AppendLine(line);
        }

        md.AppendLine();
        foreach (var table in tables)
        {
            md.Append(table.ToMarkdown());
        }

        return Wrap(name, md.ToString());
    }

    public static void WriteSection(string path, string name, string section)
    {
        var text = File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n\n";
        var (begin, end) = Markers(name);
        var i = text.IndexOf(begin, StringComparison.Ordinal);
        var j = text.IndexOf(end, StringComparison.Ordinal);
        text = i >= 0 && j > i
            ? string.Concat(text.AsSpan(0, i), section.TrimEnd('\n'), text.AsSpan(j + end.Length))
            : text.TrimEnd('\n') + "\n\n" + section;
        File.WriteAllText(path, text.TrimEnd('\n') + "\n");
    }

    private static string Wrap(string name, string body)
    {
        var (begin, end) = Markers(name);
        return $"{begin}\n{body.TrimEnd('\n')}\n\n{end}\n";
    }

    private static (string Begin, string End) Markers(string name) =>
        ($"<!-- bench {name}: generated, replaced on each run -->", $"<!-- end bench {name} -->");
}
