using System.Text;

namespace OrderPipeline.Consumer.Writing;

/// <summary>
/// The INSERT statements of the two order tables, one per pattern of present optional values. Protocol v3 has no
/// "unset" bind value and binding <c>null</c> writes a tombstone, so each pattern gets its own statement that
/// leaves absent columns out. The write timestamp is a bind marker (<c>USING TIMESTAMP ?</c>).
/// </summary>
public static class OrderColumns
{
    /// <summary>The optional columns of <c>orders</c>, in <see cref="OrderRow.NullPattern"/> bit order.</summary>
    public static IReadOnlyList<string> Optional { get; } =
    [
        "order_approved_at",
        "order_delivered_carrier_date",
        "order_delivered_customer_date",
        "order_estimated_delivery_date",
    ];

    /// <summary>Number of distinct null patterns (2^4).</summary>
    public const int PatternCount = 16;

    /// <summary>Bits of <see cref="OrderRow.NullPattern"/> whose columns also exist in <c>orders_by_day</c>.</summary>
    public const int ByDayPatternMask = 4 | 8;

    public static string InsertOrders(string keyspace, int pattern)
    {
        var columns = new List<string> { "customer_id", "order_id", "order_purchase_timestamp", "order_status" };
        for (var bit = 0; bit < Optional.Count; bit++)
        {
            if ((pattern & (1 << bit)) != 0)
            {
                columns.Add(Optional[bit]);
            }
        }

        columns.Add("orderhour");
        columns.Add("orderdayofweek");
        return Insert(keyspace, "orders", columns);
    }

    public static string InsertOrdersByDay(string keyspace, int pattern)
    {
        var columns = new List<string>
        {
            "purchase_day", "order_id", "customer_id", "order_status", "order_purchase_timestamp",
        };
        if ((pattern & 4) != 0)
        {
            columns.Add("order_delivered_customer_date");
        }

        if ((pattern & 8) != 0)
        {
            columns.Add("order_estimated_delivery_date");
        }

        columns.Add("orderhour");
        columns.Add("orderdayofweek");
        return Insert(keyspace, "orders_by_day", columns);
    }

    /// <summary>Bind values for <see cref="InsertOrders"/> of the row's own pattern, timestamp last.</summary>
    public static object?[] OrdersValues(OrderRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var values = new List<object?> { row.CustomerId, row.OrderId, row.Purchase, row.Status };
        foreach (var optional in (ReadOnlySpan<DateTime?>)[row.Approved, row.DeliveredCarrier, row.DeliveredCustomer, row.EstimatedDelivery])
        {
            if (optional is { } value)
            {
                values.Add(value);
            }
        }

        values.Add(row.OrderHour);
        values.Add(row.OrderDayOfWeek);
        values.Add(row.WriteTimestampMicros);
        return [.. values];
    }

    /// <summary>Bind values for <see cref="InsertOrdersByDay"/> of the row's own pattern, timestamp last.</summary>
    public static object?[] OrdersByDayValues(OrderRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var values = new List<object?> { row.PurchaseDay, row.OrderId, row.CustomerId, row.Status, row.Purchase };
        if (row.DeliveredCustomer is { } delivered)
        {
            values.Add(delivered);
        }

        if (row.EstimatedDelivery is { } estimated)
        {
            values.Add(estimated);
        }

        values.Add(row.OrderHour);
        values.Add(row.OrderDayOfWeek);
        values.Add(row.WriteTimestampMicros);
        return [.. values];
    }

    private static string Insert(string keyspace, string table, List<string> columns)
    {
        var sb = new StringBuilder();
        sb.Append("INSERT INTO ").Append(keyspace).Append('.').Append(table)
            .Append(" (").AppendJoin(", ", columns).Append(") VALUES (")
            .AppendJoin(", ", Enumerable.Repeat("?", columns.Count))
            .Append(") USING TIMESTAMP ?");
        return sb.ToString();
    }
}
