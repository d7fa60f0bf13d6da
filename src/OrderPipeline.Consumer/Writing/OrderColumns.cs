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
        // Sized exactly (one array per write, no list to copy from): 4 keys and status, the present optionals,
        // hour, day name and the write timestamp.
        var pattern = row.NullPattern;
        var values = new object?[7 + System.Numerics.BitOperations.PopCount((uint)pattern)];
        values[0] = row.CustomerId;
        values[1] = row.OrderId;
        values[2] = row.Purchase;
        values[3] = row.Status;
        var i = 4;
        Add(values, ref i, row.Approved);
        Add(values, ref i, row.DeliveredCarrier);
        Add(values, ref i, row.DeliveredCustomer);
        Add(values, ref i, row.EstimatedDelivery);
        values[i++] = row.OrderHour;
        values[i++] = row.OrderDayOfWeek;
        values[i] = row.WriteTimestampMicros;
        return values;
    }

    /// <summary>Bind values for <see cref="InsertOrdersByDay"/> of the row's own pattern, timestamp last.</summary>
    public static object?[] OrdersByDayValues(OrderRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var pattern = row.NullPattern & ByDayPatternMask;
        var values = new object?[8 + System.Numerics.BitOperations.PopCount((uint)pattern)];
        values[0] = row.PurchaseDay;
        values[1] = row.OrderId;
        values[2] = row.CustomerId;
        values[3] = row.Status;
        values[4] = row.Purchase;
        var i = 5;
        Add(values, ref i, row.DeliveredCustomer);
        Add(values, ref i, row.EstimatedDelivery);
        values[i++] = row.OrderHour;
        values[i++] = row.OrderDayOfWeek;
        values[i] = row.WriteTimestampMicros;
        return values;
    }

    private static void Add(object?[] values, ref int index, DateTime? optional)
    {
        if (optional is { } value)
        {
            values[index++] = value;
        }
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
