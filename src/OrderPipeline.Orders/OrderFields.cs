namespace OrderPipeline.Orders;

/// <summary>The dataset's column names, which are also the JSON field names of the Kafka message.</summary>
public static class OrderFields
{
    public const string OrderId = "order_id";
    public const string CustomerId = "customer_id";
    public const string Status = "order_status";
    public const string PurchaseTimestamp = "order_purchase_timestamp";
    public const string ApprovedAt = "order_approved_at";
    public const string DeliveredCarrierDate = "order_delivered_carrier_date";
    public const string DeliveredCustomerDate = "order_delivered_customer_date";
    public const string EstimatedDeliveryDate = "order_estimated_delivery_date";

    /// <summary>All eight, in the dataset's column order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        OrderId, CustomerId, Status, PurchaseTimestamp, ApprovedAt, DeliveredCarrierDate,
        DeliveredCustomerDate, EstimatedDeliveryDate,
    ];
}
