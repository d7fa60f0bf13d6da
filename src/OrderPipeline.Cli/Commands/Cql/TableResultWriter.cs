using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OrderPipeline.Cli.Commands.Cql;

/// Aligned tables. Large results are shown as consecutive tables of at most <c>chunkRows</c> rows each, so memory
/// stays bounded while paging; a "(N rows)" line closes the result as in cqlsh.
internal sealed class TableResultWriter(IAnsiConsole console, int chunkRows) : ICqlResultWriter
{
    public async Task<long> WriteAsync(CqlRowsResult result, CancellationToken cancellationToken)
    {
        var chunk = new List<IReadOnlyList<object?>>(Math.Min(chunkRows, 1024));
        long count = 0;
        var chunks = 0;
        await foreach (var row in result.Rows.WithCancellation(cancellationToken))
        {
            chunk.Add(row);
            count++;
            if (chunk.Count == chunkRows)
            {
                Render(result.Columns, chunk);
                chunks++;
                chunk.Clear();
            }
        }

        if (chunk.Count > 0 || chunks == 0)
        {
            Render(result.Columns, chunk);
        }

        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"({count} {(count == 1 ? "row" : "rows")})"));
        return count;
    }

    private void Render(IReadOnlyList<CqlResultColumn> columns, List<IReadOnlyList<object?>> rows)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(new Text(column.Name, new Style(decoration: Decoration.Bold))).NoWrap());
        }

        var texts = rows.Select(row => row.Select(v => v is null ? null : CqlValueText.Format(v)).ToArray()).ToList();
        foreach (var row in texts)
        {
            table.AddRow(row.Select(Cell));
        }

        // Piped output has no terminal width to fit; widen to the table's natural width so rows are not wrapped.
        if (!console.Profile.Out.IsTerminal)
        {
            var natural = NaturalWidth(columns, texts);
            if (natural > console.Profile.Width)
            {
                table.Width(natural);
                var previous = console.Profile.Width;
                console.Profile.Width = natural;
                try
                {
                    console.Write(table);
                }
                finally
                {
                    console.Profile.Width = previous;
                }

                return;
            }
        }

        console.Write(table);
    }

    private static IRenderable Cell(string? text) =>
        text is null ? new Text(CqlValueText.Null, new Style(Color.Grey)) : new Text(text);

    // Borders and padding: one separator per column plus one, and one space each side of every cell.
    private static int NaturalWidth(IReadOnlyList<CqlResultColumn> columns, List<string?[]> rows)
    {
        var width = columns.Count + 1;
        for (var c = 0; c < columns.Count; c++)
        {
            var widest = columns[c].Name.Length;
            foreach (var row in rows)
            {
                widest = Math.Max(widest, (row[c] ?? CqlValueText.Null).Length);
            }

            width += widest + 2;
        }

        return width;
    }
}
