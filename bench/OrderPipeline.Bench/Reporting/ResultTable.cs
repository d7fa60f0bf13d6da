namespace OrderPipeline.Bench.Reporting;

/// One table of figures, rendered to the console by the CLI and to Markdown for BENCHMARKS.md.
public sealed class ResultTable
{
    private readonly List<IReadOnlyList<string>> _rows = [];

    public ResultTable(string title, params string[] headers)
    {
        Title = title;
        Headers = headers;
    }

    public string Title { get; }
    public IReadOnlyList<string> Headers { get; }
    public IReadOnlyList<IReadOnlyList<string>> Rows => _rows;

    /// Notes printed under the table: how a figure was obtained, or why one is missing.
    public List<string> Notes { get; } = [];

    public void Add(params string[] cells)
    {
        if (cells.Length != Headers.Count)
        {
            throw new ArgumentException($"Row has {cells.Length} cells, table '{Title}' has {Headers.Count} columns.", nameof(cells));
        }

        _rows.Add(cells);
    }

    public string ToMarkdown()
    {
        var md = new System.Text.StringBuilder();
        md.Append("### ").AppendLine(Title).AppendLine();
        md.Append("| ").AppendJoin(" | ", Headers.Select(Escape)).AppendLine(" |");
        md.Append('|').AppendJoin('|', Headers.Select(_ => "---")).AppendLine("|");
        foreach (var row in _rows)
        {
            md.Append("| ").AppendJoin(" | ", row.Select(Escape)).AppendLine(" |");
        }

        foreach (var note in Notes)
        {
            md.AppendLine().Append("- ").AppendLine(note);
        }

        return md.AppendLine().ToString();
    }

    /// One line per cell: a line break inside a Markdown table cell ends the table.
    private static string Escape(string cell) =>
        string.Join(' ', cell.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Replace("|", "\\|", StringComparison.Ordinal);
}
