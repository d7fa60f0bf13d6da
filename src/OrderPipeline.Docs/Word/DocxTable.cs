using DocumentFormat.OpenXml.Wordprocessing;
using OrderPipeline.Docs.Markdown;

namespace OrderPipeline.Docs.Word;

/// <summary>A Markdown pipe table as a Word table with a repeating, styled header row.</summary>
internal static class DocxTable
{
    public static Table Create(TableBlock block, int widthTwips)
    {
        var columns = block.Header.Count;
        var widths = ColumnWidths(block, widthTwips);
        var table = new Table(new TableProperties(
            new TableStyle { Val = DocxStyles.Table },
            new TableWidth { Width = widthTwips.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableLook { Val = "04A0", FirstRow = true, LastRow = false, FirstColumn = false, LastColumn = false, NoHorizontalBand = true, NoVerticalBand = true }));
        var grid = new TableGrid();
        foreach (var width in widths)
        {
            grid.Append(new GridColumn { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        table.Append(grid);
        table.Append(Row(block.Header, widths, header: true));
        foreach (var row in block.Rows)
        {
            table.Append(Row(row, widths, header: false));
        }

        return columns == 0 ? throw new ArgumentException("A table needs at least one column.", nameof(block)) : table;
    }

    /// <summary>
    /// Each column first gets room for its longest unbreakable word (so "timestamp" never splits), then the
    /// rest of the width is shared in proportion to how much more its longest cell would need.
    /// </summary>
    private static int[] ColumnWidths(TableBlock block, int widthTwips)
    {
        const int TwipsPerChar = 140;
        const int Padding = 400;
        var cells = block.Header.Select((h, i) => block.Rows.Select(r => r[i]).Prepend(h).Select(Plain).ToList()).ToList();
        var minimum = cells.Select(c => (double)((c.SelectMany(Words).Max(w => w.Length) * TwipsPerChar) + Padding)).ToArray();
        var desired = cells.Select((c, i) => Math.Max(minimum[i], (c.Max(t => t.Length) * TwipsPerChar) + Padding)).ToArray();
        if (minimum.Sum() >= widthTwips)
        {
            return [.. minimum.Select(m => (int)(m * widthTwips / minimum.Sum()))];
        }

        var spare = widthTwips - minimum.Sum();
        var wanted = desired.Select((d, i) => d - minimum[i]).ToArray();
        return wanted.Sum() == 0
            ? [.. minimum.Select(m => (int)(m + (spare / minimum.Length)))]
            : [.. minimum.Select((m, i) => (int)(m + (spare * wanted[i] / wanted.Sum())))];
    }

    private static string Plain(string cell) => cell.Replace("**", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal);

    private static IEnumerable<string> Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).DefaultIfEmpty("");

    private static TableRow Row(IReadOnlyList<string> cells, int[] widths, bool header)
    {
        var row = new TableRow();
        if (header)
        {
            // Repeat on each page; the header look is also set directly because LibreOffice ignores
            // a table style's first-row formatting.
            row.Append(new TableRowProperties(new TableHeader(), new CantSplit()));
        }

        for (var i = 0; i < cells.Count; i++)
        {
            var cellProperties = new TableCellProperties(new TableCellWidth
            {
                Width = widths[i].ToString(System.Globalization.CultureInfo.InvariantCulture),
                Type = TableWidthUnitValues.Dxa,
            });
            if (header)
            {
                cellProperties.Append(new Shading { Val = DocumentFormat.OpenXml.Wordprocessing.ShadingPatternValues.Clear, Color = "auto", Fill = "2E74B5" });
            }

            var paragraph = DocxRenderer.Styled(null, cells[i]);
            paragraph.PrependChild(new ParagraphProperties(new SpacingBetweenLines { Before = "40", After = "40" }));
            if (header)
            {
                foreach (var run in paragraph.Elements<Run>())
                {
                    var properties = run.RunProperties ?? run.PrependChild(new RunProperties());
                    if (properties.Bold is null)
                    {
                        properties.Append(new Bold());
                    }

                    properties.Append(new Color { Val = "FFFFFF" });
                }
            }

            row.Append(new TableCell(cellProperties, paragraph));
        }

        return row;
    }
}
