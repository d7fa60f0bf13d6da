using System.Runtime.CompilerServices;
using OrderPipeline.Cql;

namespace OrderPipeline.Dashboard.Data;

/// <see cref="IOrderStore"/> over `CqlSession`: the day list from the partition keys of
/// `orders_by_day` (SELECT DISTINCT, paged), each day's orders with a prepared, paged statement.
/// Cassandra's exceptions become the two the web layer knows: unavailable (503) or refused query (400).
public sealed class CqlOrderStore(CqlSessionProvider sessions, string keyspace) : IOrderStore
{
    private const int DayPageSize = 2000;
    private const int DistinctPageSize = 1000;

    private static readonly string[] DayColumns =
    [
        "order_id", "order_status", "order_purchase_timestamp", "order_delivered_customer_date",
        "order_estimated_delivery_date", "orderhour", "orderdayofweek",
    ];

    public async IAsyncEnumerable<string> ListDaysAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var statement = new SimpleStatement($"SELECT DISTINCT purchase_day FROM {keyspace}.orders_by_day") { PageSize = DistinctPageSize };
        await foreach (var row in RowsAsync(statement, cancellationToken))
        {
            yield return row.Get<string>(0);
        }
    }

    public async IAsyncEnumerable<DayOrder> ReadDayAsync(string purchaseDay, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var session = await SessionAsync(cancellationToken);
        var prepared = await Mapped(() => session.PrepareAsync(
            $"SELECT {string.Join(", ", DayColumns)} FROM {keyspace}.orders_by_day WHERE purchase_day = ?", cancellationToken));
        var bound = prepared.Bind(purchaseDay);
        bound.PageSize = DayPageSize;
        await foreach (var row in RowsAsync(bound, cancellationToken))
        {
            yield return new DayOrder(
                row.Get<Guid>(0),
                row.Get<string?>(1),
                Wall(row.Get<DateTimeOffset?>(2)),
                Wall(row.Get<DateTimeOffset?>(3)),
                Wall(row.Get<DateTimeOffset?>(4)),
                row.Get<int?>(5),
                row.Get<string?>(6));
        }
    }

    public async Task<QueryResult> QueryAsync(string selectStatement, int rowLimit, CancellationToken cancellationToken = default)
    {
        var session = await SessionAsync(cancellationToken);
        // One page of at most rowLimit rows: the server never sends more than the box shows.
        var page = await Mapped(() => session.ExecuteAsync(new SimpleStatement(selectStatement) { PageSize = rowLimit }, cancellationToken));
        var rows = new List<IReadOnlyList<string?>>(page.Count);
        foreach (var row in page.Take(rowLimit))
        {
            var cells = new string?[page.Columns.Count];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = CqlDisplay.Format(row.GetValue(i));
            }

            rows.Add(cells);
        }

        return new QueryResult(page.Columns.Select(c => c.Name).ToList(), rows, page.HasMorePages || page.Count > rowLimit);
    }

    public async Task PingAsync(CancellationToken cancellationToken = default)
    {
        var session = await SessionAsync(cancellationToken);
        await Mapped(() => session.ExecuteAsync("SELECT release_version FROM system.local", cancellationToken));
    }

    /// Timestamps are the dataset's wall-clock times stored as if UTC (docs/architecture.md).
    private static DateTime? Wall(DateTimeOffset? value) => value?.UtcDateTime;

    private Task<CqlSession> SessionAsync(CancellationToken cancellationToken) => sessions.GetAsync(cancellationToken);

    private async IAsyncEnumerable<Row> RowsAsync(CqlStatement statement, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var session = await SessionAsync(cancellationToken);
        // A yield cannot sit inside a try with a catch, so the enumerator is driven by hand to map errors.
        var rows = session.QueryAsync(statement, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (rows)
        {
            while (await Mapped(() => rows.MoveNextAsync().AsTask()))
            {
                yield return rows.Current;
            }
        }
    }

    private async Task<T> Mapped<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is CqlSyntaxException or CqlInvalidQueryException or CqlUnauthorizedException or CqlConfigurationException)
        {
            throw new QueryFailedException(ex.Message, ex);
        }
        catch (CqlException ex)
        {
            throw new StoreUnavailableException($"Cassandra at {sessions.Describe}: {ex.Message}", ex);
        }
    }
}
