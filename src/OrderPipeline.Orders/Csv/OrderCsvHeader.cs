namespace OrderPipeline.Orders.Csv;

/// <summary>
/// Maps the eight required columns to their positions. Names are matched after trimming, stripping quotes
/// and a stray BOM, case-insensitively; columns may come in any order and extra columns are ignored.
/// </summary>
internal sealed class OrderCsvHeader
{
    private OrderCsvHeader(int[] indexes, int columnCount)
    {
        Indexes = indexes;
        ColumnCount = columnCount;
    }

    /// <summary>Position of each of <see cref="OrderFields.All"/>, in that order.</summary>
    public int[] Indexes { get; }

    public int ColumnCount { get; }

    public static OrderCsvHeader Resolve(IReadOnlyList<string> columnNames, string source)
    {
        if (columnNames.Count == 0 || (columnNames.Count == 1 && string.IsNullOrWhiteSpace(Clean(columnNames[0]))))
        {
            throw new OrderCsvFormatException(
                $"{source}: the file is empty; expected a header line with the columns {string.Join(", ", OrderFields.All)}.");
        }

        var cleaned = columnNames.Select(Clean).ToList();
        var indexes = new int[OrderFields.All.Count];
        var missing = new List<string>();
        for (var i = 0; i < OrderFields.All.Count; i++)
        {
            indexes[i] = cleaned.FindIndex(n => string.Equals(n, OrderFields.All[i], StringComparison.OrdinalIgnoreCase));
            if (indexes[i] < 0)
            {
                missing.Add(OrderFields.All[i]);
            }
        }

        if (missing.Count > 0)
        {
            throw new OrderCsvFormatException(
                $"{source}: the header lacks the column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)} " +
                $"(found: {string.Join(", ", cleaned.Select(n => OrderValidator.Show(n)))}).");
        }

        return new OrderCsvHeader(indexes, columnNames.Count);
    }

    private static string Clean(string name)
    {
        var text = name.AsSpan().Trim().TrimStart('\uFEFF').Trim();
        return CsvField.TryUnquote(text, out var value) ? value.ToString() : text.ToString();
    }
}
