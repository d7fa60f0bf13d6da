using System.Globalization;
using OrderPipeline.Orders;

namespace OrderPipeline.Consumer.Writing;

/// <summary>
/// The values of one order as stored in <c>ecommerce.orders</c> and <c>ecommerce.orders_by_day</c>.
/// Timestamps are the dataset's wall-clock times taken as UTC instants (never shifted).
/// </summary>
public sealed record OrderRow(
    Guid CustomerId,
    Guid OrderId,
    string Status,
    DateTime Purchase,
    DateTime? Approved,
    DateTime? DeliveredCarrier,
    DateTime? DeliveredCustomer,
    DateTime? EstimatedDelivery,
    int OrderHour,
    string OrderDayOfWeek)
{
    public static OrderRow From(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new OrderRow(
            order.CustomerId,
            order.OrderId,
            order.Status,
            order.PurchaseTimestamp,
            order.ApprovedAt,
            order.DeliveredCarrierDate,
            order.DeliveredCustomerDate,
            order.EstimatedDeliveryDate,
            order.OrderHour,
            order.OrderDayOfWeek);
    }

    /// <summary>The <c>orders_by_day</c> partition key: the purchase date as written, <c>yyyy-MM-dd</c>.</summary>
    public string PurchaseDay => Purchase.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The write timestamp (microseconds since the epoch) used for both tables: the order's latest lifecycle
    /// time, i.e. the latest of purchase, approval, carrier hand-over and customer delivery (the estimated date
    /// is a forecast, not an event). A later state of the same order always carries a later or equal time, so a
    /// replay of an older message can never overwrite newer data, and replaying the same message rewrites the
    /// same cells with the same timestamp (a no-op).
    /// </summary>
    public long WriteTimestampMicros
    {
        get
        {
            var latest = Purchase;
            foreach (var t in (ReadOnlySpan<DateTime?>)[Approved, DeliveredCarrier, DeliveredCustomer])
            {
                if (t is { } value && value > latest)
                {
                    latest = value;
                }
            }

            return (latest - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerMicrosecond;
        }
    }

    /// <summary>
    /// Which optional columns have values, as a bit mask over <see cref="OrderColumns.Optional"/>; selects the
    /// prepared INSERT that names exactly those columns, so a missing value is never written as a tombstone.
    /// </summary>
    public int NullPattern =>
        (Approved is null ? 0 : 1)
        | (DeliveredCarrier is null ? 0 : 2)
        | (DeliveredCustomer is null ? 0 : 4)
        | (EstimatedDelivery is null ? 0 : 8);
}
