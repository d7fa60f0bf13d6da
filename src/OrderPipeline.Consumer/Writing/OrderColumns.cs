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
    public static object?[] OrdersValues(OrderRow row) => OrdersValues(row, new Boxes(row));

    /// <summary>Bind values for <see cref="InsertOrdersByDay"/> of the row's own pattern, timestamp last.</summary>
    public static object?[] OrdersByDayValues(OrderRow row) => OrdersByDayValues(row, new Boxes(row));

    /// <summary>
    /// Both tables' bind values for one row. The values the two statements share are boxed once, not once per
    /// statement: boxes are most of what a write allocates on the consumer's side.
    /// </summary>
    public static (object?[] Orders, object?[] OrdersByDay) Values(OrderRow row)
    {
        var boxes = new Boxes(row);
        return (OrdersValues(row, boxes), OrdersByDayValues(row, boxes));
    }

    private static object?[] OrdersValues(OrderRow row, in Boxes boxes)
    {
        // Sized exactly (one array per write, no list to copy from): 4 keys and status, the present optionals,
        // hour, day name and the write timestamp.
        var pattern = row.NullPattern;
        var values = new object?[7 + System.Numerics.BitOperations.PopCount((uint)pattern)];
        values[0] = boxes.CustomerId;
        values[1] = boxes.OrderId;
        values[2] = boxes.Purchase;
        values[3] = row.Status;
        var i = 4;
        Add(values, ref i, row.Approved);
        Add(values, ref i, row.DeliveredCarrier);
        Add(values, ref i, boxes.DeliveredCustomer);
        Add(values, ref i, boxes.EstimatedDelivery);
        values[i++] = boxes.OrderHour;
        values[i++] = row.OrderDayOfWeek;
        values[i] = boxes.WriteTimestamp;
        return values;
    }

    private static object?[] OrdersByDayValues(OrderRow row, in Boxes boxes)
    {
        var pattern = row.NullPattern & ByDayPatternMask;
        var values = new object?[8 + System.Numerics.BitOperations.PopCount((uint)pattern)];
        values[0] = row.PurchaseDay;
        values[1] = boxes.OrderId;
        values[2] = boxes.CustomerId;
        values[3] = row.Status;
        values[4] = boxes.Purchase;
        var i = 5;
        Add(values, ref i, boxes.DeliveredCustomer);
        Add(values, ref i, boxes.EstimatedDelivery);
        values[i++] = boxes.OrderHour;
        values[i++] = row.OrderDayOfWeek;
        values[i] = boxes.WriteTimestamp;
        return values;
    }

    private static void Add(object?[] values, ref int index, DateTime? optional)
    {
        if (optional is { } value)
        {
            values[index++] = value;
        }
    }

    private static void Add(object?[] values, ref int index, object? boxed)
    {
        if (boxed is not null)
        {
            values[index++] = boxed;
        }
    }

    // Boxed once: the hours of a day (the same 24 boxes for every order).
    private static readonly object[] HourBoxes = [.. Enumerable.Range(0, 24).Select(static h => (object)h)];

    /// <summary>The row's value-type columns that both statements bind, each boxed once.</summary>
    private readonly struct Boxes
    {
        public Boxes(OrderRow row)
        {
            ArgumentNullException.ThrowIfNull(row);
            CustomerId = row.CustomerId;
            OrderId = row.OrderId;
            Purchase = row.Purchase;
            DeliveredCustomer = row.DeliveredCustomer;
            EstimatedDelivery = row.EstimatedDelivery;
            OrderHour = row.OrderHour is >= 0 and < 24 ? HourBoxes[row.OrderHour] : row.OrderHour;
            WriteTimestamp = row.WriteTimestampMicros;
        }

        public object CustomerId { get; }

        public object OrderId { get; }

        public object Purchase { get; }

        /// <summary>Null when the row has no value (boxing a null DateTime? gives null).</summary>
        public object? DeliveredCustomer { get; }

        public object? EstimatedDelivery { get; }

        public object OrderHour { get; }

        public object WriteTimestamp { get; }
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
