using OrderPipeline.Consumer.Writing;

namespace OrderPipeline.Consumer.Cassandra;

/// <summary>
/// Writes an order as two single-partition upserts (<c>orders</c> and <c>orders_by_day</c>), sent concurrently
/// at QUORUM with the statement that matches the order's present optional columns (no tombstones) and the
/// order's latest lifecycle time as write timestamp. All statements are prepared once, up front.
/// </summary>
public sealed class CassandraOrderStore(CassandraAccess cassandra, string keyspace) : IOrderStore
{
    private readonly CassandraAccess.Prepared[] _orders = new CassandraAccess.Prepared[OrderColumns.PatternCount];
    private readonly CassandraAccess.Prepared[] _byDay = new CassandraAccess.Prepared[OrderColumns.PatternCount];

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        // 16 + 4 statements, prepared concurrently: one round trip of start-up instead of twenty in a row.
        var byDayPatterns = Enumerable.Range(0, OrderColumns.PatternCount).Where(p => (p & OrderColumns.ByDayPatternMask) == p).ToList();
        var orders = Enumerable.Range(0, OrderColumns.PatternCount)
            .Select(p => cassandra.PrepareAsync(OrderColumns.InsertOrders(keyspace, p), cancellationToken)).ToList();
        var byDay = byDayPatterns.Select(p => cassandra.PrepareAsync(OrderColumns.InsertOrdersByDay(keyspace, p), cancellationToken)).ToList();
        await Task.WhenAll([.. orders, .. byDay]);
        for (var pattern = 0; pattern < OrderColumns.PatternCount; pattern++)
        {
            _orders[pattern] = await orders[pattern];
            _byDay[pattern] = await byDay[byDayPatterns.IndexOf(pattern & OrderColumns.ByDayPatternMask)];
        }
    }

    public Task WriteAsync(OrderRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        var pattern = row.NullPattern;
        var orders = _orders[pattern] ?? throw new InvalidOperationException("PrepareAsync was not called.");
        var (ordersValues, byDayValues) = OrderColumns.Values(row);
        return Task.WhenAll(
            cassandra.ExecuteAsync(orders, ordersValues, cancellationToken),
            cassandra.ExecuteAsync(_byDay[pattern], byDayValues, cancellationToken));
    }

    public StoreFailureKind ClassifyFailure(Exception exception) => CassandraAccess.Classify(exception);
}
