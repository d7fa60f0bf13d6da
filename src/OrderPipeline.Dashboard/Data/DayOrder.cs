namespace OrderPipeline.Dashboard.Data;

/// One row of the `orders_by_day` query table: the columns the analytics need, nothing more.
public sealed record DayOrder(
    Guid OrderId,
    string? Status,
    DateTime? PurchaseTimestamp,
    DateTime? DeliveredCustomerDate,
    DateTime? EstimatedDeliveryDate,
    int? OrderHour,
    string? OrderDayOfWeek);
