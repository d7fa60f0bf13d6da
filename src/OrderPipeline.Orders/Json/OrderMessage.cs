using System.Text.Json.Serialization;

namespace OrderPipeline.Orders.Json;

/// <summary>
/// The Kafka message value as written by the producer: the dataset's field names and timestamp format,
/// <c>null</c> for a missing timestamp. Field order follows the dataset's columns.
/// </summary>
internal sealed class OrderMessage
{
    [JsonPropertyName(OrderFields.OrderId)]
    public required string OrderId { get; init; }

    [JsonPropertyName(OrderFields.CustomerId)]
    public required string CustomerId { get; init; }

    [JsonPropertyName(OrderFields.Status)]
    public required string Status { get; init; }

    [JsonPropertyName(OrderFields.PurchaseTimestamp)]
    [JsonConverter(typeof(DatasetTimestampJsonConverter))]
    public DateTime? PurchaseTimestamp { get; init; }

    [JsonPropertyName(OrderFields.ApprovedAt)]
    [JsonConverter(typeof(DatasetTimestampJsonConverter))]
    public DateTime? ApprovedAt { get; init; }

    [JsonPropertyName(OrderFields.DeliveredCarrierDate)]
    [JsonConverter(typeof(DatasetTimestampJsonConverter))]
    public DateTime? DeliveredCarrierDate { get; init; }

    [JsonPropertyName(OrderFields.DeliveredCustomerDate)]
    [JsonConverter(typeof(DatasetTimestampJsonConverter))]
    public DateTime? DeliveredCustomerDate { get; init; }

    [JsonPropertyName(OrderFields.EstimatedDeliveryDate)]
    [JsonConverter(typeof(DatasetTimestampJsonConverter))]
    public DateTime? EstimatedDeliveryDate { get; init; }

    public static OrderMessage From(Order order) => new()
    {
        OrderId = order.OrderIdHex,
        CustomerId = order.CustomerIdHex,
        Status = order.Status,
        PurchaseTimestamp = order.PurchaseTimestamp,
        ApprovedAt = order.ApprovedAt,
        DeliveredCarrierDate = order.DeliveredCarrierDate,
        DeliveredCustomerDate = order.DeliveredCustomerDate,
        EstimatedDeliveryDate = order.EstimatedDeliveryDate,
    };
}
