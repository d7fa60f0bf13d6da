namespace OrderPipeline.Orders.Csv;

/// <summary>
/// Reads an order file with every cleaning rule applied, including duplicates: when an order_id occurs in
/// several valid rows the <b>last</b> one wins (as an upsert would) and the earlier ones are dropped and
/// counted. Knowing which row is last needs a look ahead, so a cheap raw scan (<see cref="Scan"/>: the
/// order_id field of each line, no validation) first finds the ids that occur on several lines; the cleaning
/// pass then streams every other order at once and holds back only the rows of repeated ids (the latest valid
/// one per id), which it passes on after the last line. Memory: the scan's 8-byte fingerprint per line (about
/// 16 MB per million orders, released before the cleaning pass) and the held-back rows.
/// </summary>
public static class OrderFile
{
    /// <summary>
    /// Streams the cleaned records: rejections (with line numbers) and valid winning orders in file order,
    /// except that the winner of a repeated order_id comes after the last line.
    /// Superseded duplicates are skipped; all of it is counted in <paramref name="summary"/>.
    /// </summary>
    /// <exception cref="OrderCsvFormatException">The file is empty or lacks a required column.</exception>
    public static IEnumerable<OrderCsvRecord> ReadCleaned(string path, CleaningSummary summary, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var index = Scan(path, cancellationToken);
        return Stream(path, summary, index.RepeatedIds, cancellationToken);
    }

    /// <summary>The cleaning pass alone, with the index of a previous <see cref="Scan"/> of the same file.</summary>
    public static IEnumerable<OrderCsvRecord> ReadCleaned(string path, OrderFileIndex index, CleaningSummary summary, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(summary);
        return Stream(path, summary, index.RepeatedIds, cancellationToken);
    }

    /// <summary>The raw scan: checks the header, then finds the order ids that occur on more than one line.</summary>
    /// <exception cref="OrderCsvFormatException">The file is empty or lacks a required column.</exception>
    public static OrderFileIndex Scan(string path, CancellationToken cancellationToken = default)
    {
        int column;
        using (var reader = OrderCsvReader.Open(path))
        {
            column = reader.OrderIdColumn;
        }

        var (repeated, distinct) = RepeatedIdScan.Run(path, column, cancellationToken);
        return new OrderFileIndex(distinct, repeated);
    }

    private static IEnumerable<OrderCsvRecord> Stream(
        string path, CleaningSummary summary, IReadOnlySet<Guid> repeatedIds, CancellationToken cancellationToken)
    {
        using var reader = OrderCsvReader.Open(path);
        // The latest valid row of each repeated id seen so far; a later valid row supersedes it.
        var held = new Dictionary<Guid, OrderCsvRecord>();
        long n = 0;
        while (reader.TryRead(out var record))
        {
            if ((++n & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (record.Order is { } order)
            {
                if (repeatedIds.Count > 0 && repeatedIds.Contains(order.OrderId))
                {
                    if (held.ContainsKey(order.OrderId))
                    {
                        summary.CountDuplicate();
                    }

                    held[order.OrderId] = record;
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
        foreach (var winner in held.Values.OrderBy(r => r.LineNumber))
        {
            summary.CountAccepted();
            yield return winner;
        }
    }
}

/// <summary>What the raw scan of an order file found.</summary>
/// <param name="DistinctIds">Distinct order ids that look valid (32 hex digits): an upper bound of the orders passed on.</param>
/// <param name="RepeatedIds">Order ids found on more than one line (valid or not; may include a few extra ids).</param>
public sealed record OrderFileIndex(long DistinctIds, IReadOnlySet<Guid> RepeatedIds);
