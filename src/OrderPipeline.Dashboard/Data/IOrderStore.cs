namespace OrderPipeline.Dashboard.Data;

/// What the dashboard reads from Cassandra. The production implementation goes through `CqlSession`;
/// tests substitute an in-memory store so the web layer is testable without servers.
public interface IOrderStore
{
    /// The purchase days present in `orders_by_day` (its partition keys), paged, never all rows.
    IAsyncEnumerable<string> ListDaysAsync(CancellationToken cancellationToken = default);

    /// The orders of one purchase day, paged.
    IAsyncEnumerable<DayOrder> ReadDayAsync(string purchaseDay, CancellationToken cancellationToken = default);

    /// Runs a statement already checked by <see cref="Query.SelectGuard"/>; returns at most rowLimit rows.
    /// Throws <see cref="QueryFailedException"/> for a statement the server refuses (syntax, unknown table).
    Task<QueryResult> QueryAsync(string selectStatement, int rowLimit, CancellationToken cancellationToken = default);

    /// Succeeds when Cassandra answers a trivial query.
    Task PingAsync(CancellationToken cancellationToken = default);
}
