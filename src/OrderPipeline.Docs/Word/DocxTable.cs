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

    /// <summary>Columns share the width in proportion to their longest cell, none narrower than 8%.</summary>
    private static int[] ColumnWidths(TableBlock block, int widthTwips)
    {
        var longest = block.Header.Select((h, i) => Math.Max(h.Length, block.Rows.Select(r => r[i].Length).DefaultIfEmpty(0).Max()) + 2).ToArray();
        var minimum = widthTwips * 0.08;
        var raw = longest.Select(l => Math.Max(minimum, (double)l / longest.Sum() * widthTwips)).ToArray();
        var scale = widthTwips / raw.Sum();
        return [.. raw.Select(w => (int)(w * scale))];
    }

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
