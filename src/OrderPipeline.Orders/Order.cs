namespace OrderPipeline.Orders;

/// <summary>
/// One cleaned order. Ids are UUIDs (the dataset's 32 hex digits are a UUID without dashes); the lowercase
/// 32-hex form is kept too because it is the Kafka key and JSON representation.
/// Timestamps are the dataset's local (Brazilian) wall-clock values stored unshifted with
/// <see cref="DateTimeKind.Utc"/>: "2017-10-02 10:56:33" becomes 2017-10-02T10:56:33Z.
/// The purchase timestamp is required by the cleaning rules, so it is not nullable.
/// </summary>
public sealed record Order
{
    public Order(
        Guid orderId,
        Guid customerId,
        string status,
        DateTime purchaseTimestamp,
        DateTime? approvedAt,
        DateTime? deliveredCarrierDate,
        DateTime? deliveredCustomerDate,
        DateTime? estimatedDeliveryDate)
    {
        ArgumentNullException.ThrowIfNull(status);
        OrderId = orderId;
        CustomerId = customerId;
        Status = status;
        // SpecifyKind never shifts the clock value: the wall-clock time as written is what is kept.
        PurchaseTimestamp = DateTime.SpecifyKind(purchaseTimestamp, DateTimeKind.Utc);
        ApprovedAt = AsUtc(approvedAt);
        DeliveredCarrierDate = AsUtc(deliveredCarrierDate);
        DeliveredCustomerDate = AsUtc(deliveredCustomerDate);
        EstimatedDeliveryDate = AsUtc(estimatedDeliveryDate);
    }

    public Guid OrderId { get; }

    public Guid CustomerId { get; }

    /// <summary>The order id as 32 lowercase hex digits (no quotes, no dashes).</summary>
    /// <remarks>Formatted on each call: hot paths (the producer's encoding) write the Guid's bytes directly.</remarks>
    public string OrderIdHex => OrderId.ToString("N");

    /// <summary>The customer id as 32 lowercase hex digits (no quotes, no dashes).</summary>
    public string CustomerIdHex => CustomerId.ToString("N");

    /// <summary>Lowercase status, one of <see cref="OrderStatuses.Known"/>.</summary>
    public string Status { get; }

    public DateTime PurchaseTimestamp { get; }

    public DateTime? ApprovedAt { get; }

    public DateTime? DeliveredCarrierDate { get; }

    public DateTime? DeliveredCustomerDate { get; }

    public DateTime? EstimatedDeliveryDate { get; }

    /// <summary>Hour (0-23) of the purchase time as written.</summary>
    public int OrderHour => OrderEnrichment.Hour(PurchaseTimestamp);

    /// <summary>English day name of the purchase date ("Monday".."Sunday"), culture-invariant.</summary>
    public string OrderDayOfWeek => OrderEnrichment.DayName(PurchaseTimestamp);

    /// <summary>The Kafka message key: <c>{customer_id}_{order_id}</c>.</summary>
    public string KafkaKey => string.Concat(CustomerIdHex, "_", OrderIdHex);

    private static DateTime? AsUtc(DateTime? value) =>
        value is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;
}
