using OrderPipeline.Cql;
using OrderPipeline.Orders;

namespace OrderPipeline.Dashboard.Tests.Integration;

/// Creates a keyspace with the project's schema and writes orders into it with prepared statements,
/// the same rows the consumer writes, so dashboard tests and the benchmark need no Kafka round trip.
public static class OrdersLoader
{
    private const int InFlight = 128;

    /// Runs schema/ecommerce.cql with its keyspace renamed.
    public static async Task CreateSchemaAsync(CqlSession session, string schemaPath, string keyspace, CancellationToken cancellationToken = default)
    {
        var lines = File.ReadAllLines(schemaPath).Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal));
        var text = string.Join('\n', lines)
            .Replace("KEYSPACE IF NOT EXISTS ecommerce", $"KEYSPACE IF NOT EXISTS {keyspace}", StringComparison.Ordinal)
            .Replace("ecommerce.", keyspace + ".", StringComparison.Ordinal);
        foreach (var statement in text.Split(';').Select(s => s.Trim()).Where(s => s.Length > 0))
        {
            await session.ExecuteAsync(new SimpleStatement(statement) { Timeout = TimeSpan.FromSeconds(60) }, cancellationToken);
        }
    }

    /// Writes each order to `orders_by_day` (and `orders` unless byDayOnly), a bounded number at a time.
    public static async Task<long> WriteAsync(CqlSession session, string keyspace, IEnumerable<Order> orders, bool byDayOnly = false, CancellationToken cancellationToken = default)
    {
        var byDay = await session.PrepareAsync(
            $"INSERT INTO {keyspace}.orders_by_day (purchase_day, order_id, customer_id, order_status, order_purchase_timestamp, " +
            "order_delivered_customer_date, order_estimated_delivery_date, orderhour, orderdayofweek) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            cancellationToken);
        var main = await session.PrepareAsync(
            $"INSERT INTO {keyspace}.orders (customer_id, order_id, order_purchase_timestamp, order_status, order_approved_at, " +
            "order_delivered_carrier_date, order_delivered_customer_date, order_estimated_delivery_date, orderhour, orderdayofweek) " +
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            cancellationToken);

        long written = 0;
        await Parallel.ForEachAsync(orders, new ParallelOptions { MaxDegreeOfParallelism = InFlight, CancellationToken = cancellationToken }, async (o, ct) =>
        {
            await session.ExecuteAsync(byDay.Bind(
                o.PurchaseTimestamp.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), o.OrderId, o.CustomerId, o.Status,
                Utc(o.PurchaseTimestamp), Utc(o.DeliveredCustomerDate), Utc(o.EstimatedDeliveryDate), o.OrderHour, o.OrderDayOfWeek), ct);
            if (!byDayOnly)
            {
                await session.ExecuteAsync(main.Bind(
                    o.CustomerId, o.OrderId, Utc(o.PurchaseTimestamp), o.Status, Utc(o.ApprovedAt), Utc(o.DeliveredCarrierDate),
                    Utc(o.DeliveredCustomerDate), Utc(o.EstimatedDeliveryDate), o.OrderHour, o.OrderDayOfWeek), ct);
            }

            Interlocked.Increment(ref written);
        });
        return written;
    }

    /// Wall-clock times stored unshifted as if UTC (docs/architecture.md).
    private static DateTimeOffset? Utc(DateTime? value) =>
        value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
}
