namespace OrderPipeline.Orders.Csv;

/// <summary>
/// Reads an order file with every cleaning rule applied, including duplicates: when an order_id occurs in
/// several valid rows the <b>last</b> one wins (as an upsert would) and the earlier ones are dropped and
/// counted. This needs to know the future, so the file is read twice: a first pass records the order ids
/// (16 bytes each in a hash set, about 40 MB per million orders; the only memory that grows with the file)
/// and which line holds the last valid occurrence of each duplicated id; the second pass streams.
/// </summary>
public static class OrderFile
{
    /// <summary>
    /// Streams the cleaned records: valid winning orders and rejections (with line numbers), in file order.
    /// Superseded duplicates are skipped; all of it is counted in <paramref name="summary"/>.
    /// </summary>
    /// <exception cref="OrderCsvFormatException">The file is empty or lacks a required column.</exception>
    public static IEnumerable<OrderCsvRecord> ReadCleaned(string path, CleaningSummary summary, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var index = Scan(path, cancellationToken);
        return Stream(path, summary, index.LastLineOfDuplicate, cancellationToken);
    }

    /// <summary>The second pass alone, with the index of a previous <see cref="Scan"/> of the same file.</summary>
    public static IEnumerable<OrderCsvRecord> ReadCleaned(string path, OrderFileIndex index, CleaningSummary summary, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(summary);
        return Stream(path, summary, index.LastLineOfDuplicate, cancellationToken);
    }

    /// <summary>
    /// Pass 1: counts the data lines and finds, for each order_id with several valid rows, the line number of
    /// the last one.
    /// </summary>
    /// <exception cref="OrderCsvFormatException">The file is empty or lacks a required column.</exception>
    public static OrderFileIndex Scan(string path, CancellationToken cancellationToken = default)
    {
        var seen = new HashSet<Guid>();
        var duplicates = new Dictionary<Guid, long>();
        using var reader = OrderCsvReader.Open(path);
        long n = 0;
        while (reader.TryRead(out var record))
        {
            if ((++n & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (record.Order is { } order && !seen.Add(order.OrderId))
            {
                duplicates[order.OrderId] = record.LineNumber;
            }
        }

        return new OrderFileIndex(n, seen.Count, duplicates);
    }

    private static IEnumerable<OrderCsvRecord> Stream(
        string path, CleaningSummary summary, IReadOnlyDictionary<Guid, long> lastLineOfDuplicate, CancellationToken cancellationToken)
    {
        using var reader = OrderCsvReader.Open(path);
        long n = 0;
        while (reader.TryRead(out var record))
        {
            if ((++n & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (record.Order is { } order)
            {
                if (lastLineOfDuplicate.TryGetValue(order.OrderId, out var last) && last != record.LineNumber)
                {
                    summary.CountDuplicate();
                    continue;
                }

                summary.CountAccepted();
            }
            else
            {
                summary.CountRejected(record.Rejection!.Reason);
            }

            summary.BlankLines = reader.BlankLines;
            yield return record;
        }

        summary.BlankLines = reader.BlankLines;
    }
}

/// <summary>What the first pass over an order file found.</summary>
/// <param name="DataRows">Data lines (blank lines excluded), valid or not.</param>
/// <param name="UniqueValidOrders">Distinct order ids among the valid rows: what the second pass will accept.</param>
/// <param name="LastLineOfDuplicate">For each order id with several valid rows, the line of the last one.</param>
public sealed record OrderFileIndex(long DataRows, long UniqueValidOrders, IReadOnlyDictionary<Guid, long> LastLineOfDuplicate);
