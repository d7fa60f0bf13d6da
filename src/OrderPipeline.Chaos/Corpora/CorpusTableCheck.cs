using OrderPipeline.Chaos.Framework;
using OrderPipeline.Consumer.Cassandra;
using OrderPipeline.Consumer.Verification;
using OrderPipeline.Consumer.Writing;
using OrderPipeline.Orders;
using OrderPipeline.Orders.Csv;

namespace OrderPipeline.Chaos.Corpora;

/// Reconciles the corpus files against the orders table. The corpus sends the same order many times in
/// different versions (other purchase times, other statuses, missing timestamps), so the expected row of each
/// primary key (customer_id, order_id, order_purchase_timestamp) is computed with the consumer's documented
/// rule (docs/delivery-guarantees.md), not "last file wins": every write carries the order's latest lifecycle
/// time as its timestamp and never writes null cells, and Cassandra keeps, per cell, the value with the highest
/// timestamp, the greater value on a tie. An order id with more rows than distinct expected keys counts as
/// extra rows.
public sealed record CorpusTableCheck(long Expected, long Matched, long Missing, long Mismatched, long Unexpected, long ExtraRows, string? FirstDifference)
{
    public string Describe() =>
        $"{Matched}/{Expected} matched, {Missing} missing, {Mismatched} mismatched, {Unexpected} unexpected"
        + (FirstDifference is null ? "" : $" (e.g. {FirstDifference})");

    public static async Task<CorpusTableCheck> RunAsync(ChaosContext context, PipelineNames names, IReadOnlyList<string> csvPaths,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(csvPaths);
        var versions = new Dictionary<(Guid, Guid, DateTime), List<OrderRow>>();
        foreach (var path in csvPaths)
        {
            foreach (var order in OrderFile.ReadCleaned(path, new CleaningSummary(), cancellationToken).Select(r => r.Order).OfType<Order>())
            {
                var row = OrderRow.From(order);
                var key = (row.CustomerId, row.OrderId, row.Purchase);
                if (!versions.TryGetValue(key, out var list))
                {
                    versions[key] = list = [];
                }

                list.Add(row);
            }
        }

        var expected = versions.ToDictionary(v => v.Key, v => Resolve(v.Value));

        var keysPerOrder = expected.Keys.GroupBy(k => k.Item2).ToDictionary(g => g.Key, g => g.Count());
        var rowsPerOrder = new Dictionary<Guid, int>();
        var seen = new HashSet<(Guid, Guid, DateTime)>();
        long matched = 0, mismatched = 0, unexpected = 0;
        string? first = null;
        var cassandra = await context.CassandraAsync(cancellationToken);
        await foreach (var row in new CqlOrderTableReader(cassandra, names.Keyspace).ScanAsync(cancellationToken))
        {
            var key = (row.CustomerId, row.OrderId, row.Purchase);
            rowsPerOrder[row.OrderId] = rowsPerOrder.GetValueOrDefault(row.OrderId) + 1;
            seen.Add(key);
            if (!expected.TryGetValue(key, out var want))
            {
                unexpected++;
                first ??= $"{row.OrderId:N}: stored but not accepted from any file";
            }
            else if (Reconciliation.Compare(want, row) is { } diff)
            {
                mismatched++;
                first ??= $"{row.OrderId:N}: {diff}";
            }
            else
            {
                matched++;
            }
        }

        var missing = expected.Keys.LongCount(k => !seen.Contains(k));
        var extra = rowsPerOrder.Sum(r => (long)Math.Max(0, r.Value - keysPerOrder.GetValueOrDefault(r.Key)));
        return new CorpusTableCheck(expected.Count, matched, missing, mismatched, unexpected, extra, first);
    }

    /// The row Cassandra holds after all these writes of one primary key, in any order: per column, among the
    /// writes that have the cell (null cells are never written), the one with the highest write timestamp, the
    /// greater value on a tie.
    internal static OrderRow Resolve(IReadOnlyList<OrderRow> writes) => writes[0] with
    {
        Status = Cell(writes, r => r.Status)!,
        Approved = Cell(writes, r => r.Approved),
        DeliveredCarrier = Cell(writes, r => r.DeliveredCarrier),
        DeliveredCustomer = Cell(writes, r => r.DeliveredCustomer),
        EstimatedDelivery = Cell(writes, r => r.EstimatedDelivery),
        OrderHour = Cell(writes, r => (int?)r.OrderHour) ?? writes[0].OrderHour,
        OrderDayOfWeek = Cell(writes, r => r.OrderDayOfWeek)!,
    };

    // Text compares ordinally, timestamps and hours are non-negative: these orders match Cassandra's
    // comparison of the serialized bytes on a timestamp tie.
    private static T? Cell<T>(IReadOnlyList<OrderRow> writes, Func<OrderRow, T?> column)
    {
        var winner = writes.Select(w => (Value: column(w), Timestamp: w.WriteTimestampMicros))
            .Where(c => c.Value is not null)
            .OrderByDescending(c => c.Timestamp)
            .ThenByDescending(c => c.Value, Comparer<T?>.Create(static (x, y) =>
                x is string sx && y is string sy ? string.CompareOrdinal(sx, sy) : Comparer<T?>.Default.Compare(x, y)))
            .FirstOrDefault();
        return winner.Value;
    }
}
