using System.Runtime.CompilerServices;
using OrderPipeline.Dashboard.Data;

namespace OrderPipeline.Dashboard.Tests.Fakes;

/// In-memory orders_by_day for unit tests of the web layer and the aggregation (no servers needed).
public sealed class FakeOrderStore : IOrderStore
{
    private readonly Dictionary<string, List<DayOrder>> _days = new(StringComparer.Ordinal);

    public bool Down { get; set; }

    public string? LastQuery { get; private set; }

    public FakeOrderStore Add(DayOrder order)
    {
        var day = order.PurchaseTimestamp!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (!_days.TryGetValue(day, out var list))
        {
            _days[day] = list = [];
        }

        list.Add(order);
        return this;
    }

    public async IAsyncEnumerable<string> ListDaysAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        foreach (var day in _days.Keys.ToList())
        {
            await Task.Yield();
            yield return day;
        }
    }

    public async IAsyncEnumerable<DayOrder> ReadDayAsync(string purchaseDay, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        foreach (var order in _days.GetValueOrDefault(purchaseDay) ?? [])
        {
            await Task.Yield();
            yield return order;
        }
    }

    public Task<QueryResult> QueryAsync(string selectStatement, int rowLimit, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        LastQuery = selectStatement;
        if (selectStatement.Contains("nosuchtable", StringComparison.OrdinalIgnoreCase))
        {
            throw new QueryFailedException("unconfigured table nosuchtable");
        }

        var rows = _days.SelectMany(d => d.Value.Select(o => (IReadOnlyList<string?>)[d.Key, o.OrderId.ToString(), o.Status]))
            .Take(rowLimit + 1)
            .ToList();
        return Task.FromResult(new QueryResult(["purchase_day", "order_id", "order_status"], rows.Take(rowLimit).ToList(), rows.Count > rowLimit));
    }

    public Task PingAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        return Task.CompletedTask;
    }

    private void ThrowIfDown()
    {
        if (Down)
        {
            throw new StoreUnavailableException("no host answered at 127.0.0.1:9042 (connection refused)");
        }
    }
}
