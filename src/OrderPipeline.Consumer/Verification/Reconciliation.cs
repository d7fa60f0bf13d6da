using OrderPipeline.Consumer.Writing;

namespace OrderPipeline.Consumer.Verification;

/// <summary>One difference between the input and the table, for the report.</summary>
public sealed record OrderDifference(Guid OrderId, Guid CustomerId, string Kind, string Detail);

/// <summary>Counts of one reconciliation; <see cref="AllMatch"/> is the verdict.</summary>
public sealed record ReconciliationResult(
    long Expected,
    long Found,
    long Matched,
    long Missing,
    long Mismatched,
    long Unexpected,
    long Duplicated,
    IReadOnlyList<OrderDifference> FirstDifferences)
{
    public bool AllMatch => Missing == 0 && Mismatched == 0 && Unexpected == 0 && Duplicated == 0 && Matched == Expected;
}

/// <summary>
/// Compares the orders a file should produce with the rows found in <c>orders</c>, independent of any pipeline
/// counter. Feed every expected order, then every stored row (e.g. from a paged full scan), then call
/// <see cref="Finish"/>. A stored row whose order id was already seen counts as duplicated (the same order under a
/// second primary key); a row for an order that is not expected counts as unexpected; an expected order with no
/// row is missing; a row whose non-key columns differ is mismatched. Not thread-safe.
/// </summary>
public sealed class Reconciliation(int maxDifferences = 10)
{
    private readonly Dictionary<Guid, OrderRow> _expected = [];
    private readonly HashSet<Guid> _seen = [];
    private readonly List<OrderDifference> _differences = [];
    private long _found;
    private long _matched;
    private long _mismatched;
    private long _unexpected;
    private long _duplicated;

    /// <summary>Adds an expected order; a later one with the same id replaces it (last one wins, as in the file rules).</summary>
    public void Expect(OrderRow order)
    {
        ArgumentNullException.ThrowIfNull(order);
        _expected[order.OrderId] = order;
    }

    public void Observe(OrderRow stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        _found++;
        if (!_seen.Add(stored.OrderId))
        {
            _duplicated++;
            Note(stored, "duplicated", "a second row for this order id");
            return;
        }

        if (!_expected.TryGetValue(stored.OrderId, out var expected))
        {
            _unexpected++;
            Note(stored, "unexpected", "stored but not in the input");
            return;
        }

        var diff = Compare(expected, stored);
        if (diff is null)
        {
            _matched++;
        }
        else
        {
            _mismatched++;
            Note(stored, "mismatched", diff);
        }
    }

    public ReconciliationResult Finish()
    {
        long missing = 0;
        foreach (var (id, order) in _expected)
        {
            if (!_seen.Contains(id))
            {
                missing++;
                Note(order, "missing", "in the input but not stored");
            }
        }

        return new ReconciliationResult(
            _expected.Count, _found, _matched, missing, _mismatched, _unexpected, _duplicated, [.. _differences]);
    }

    /// <summary>Null when equal, else the first differing column with both values.</summary>
    public static string? Compare(OrderRow expected, OrderRow stored)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(stored);
        return Differ("customer_id", expected.CustomerId, stored.CustomerId)
            ?? Differ("order_status", expected.Status, stored.Status)
            ?? Differ("order_purchase_timestamp", expected.Purchase, stored.Purchase)
            ?? Differ("order_approved_at", expected.Approved, stored.Approved)
            ?? Differ("order_delivered_carrier_date", expected.DeliveredCarrier, stored.DeliveredCarrier)
            ?? Differ("order_delivered_customer_date", expected.DeliveredCustomer, stored.DeliveredCustomer)
            ?? Differ("order_estimated_delivery_date", expected.EstimatedDelivery, stored.EstimatedDelivery)
            ?? Differ("orderhour", expected.OrderHour, stored.OrderHour)
            ?? Differ("orderdayofweek", expected.OrderDayOfWeek, stored.OrderDayOfWeek);
    }

    private static string? Differ<T>(string column, T expected, T stored) =>
        EqualityComparer<T>.Default.Equals(expected, stored) ? null : $"{column}: expected {Show(expected)}, stored {Show(stored)}";

    private static string Show<T>(T value) => value switch
    {
        null => "null",
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };

    private void Note(OrderRow row, string kind, string detail)
    {
        if (_differences.Count < maxDifferences)
        {
            _differences.Add(new OrderDifference(row.OrderId, row.CustomerId, kind, detail));
        }
    }
}
