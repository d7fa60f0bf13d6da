using System.Text;
using System.Text.Json;

namespace OrderPipeline.Orders.Json;

/// <summary>
/// The Kafka message contract. Serialization writes the dataset's field names, <c>yyyy-MM-dd HH:mm:ss</c>
/// timestamps and <c>null</c> for missing ones. Deserialization also accepts <c>""</c> for a missing optional
/// timestamp (a pandas <c>fillna("")</c> producer) and applies the same cleaning rules as the CSV reader;
/// a message that fails gets a precise <see cref="Rejection"/> (the consumer dead-letters it).
/// </summary>
public static class OrderJson
{
    private static readonly (string Name, bool Required)[] Fields =
    [
        (OrderFields.OrderId, true), (OrderFields.CustomerId, true), (OrderFields.Status, true),
        (OrderFields.PurchaseTimestamp, true), (OrderFields.ApprovedAt, false),
        (OrderFields.DeliveredCarrierDate, false), (OrderFields.DeliveredCustomerDate, false),
        (OrderFields.EstimatedDeliveryDate, false),
    ];

    public static byte[] SerializeToUtf8Bytes(Order order) => OrderJsonWriter.ToUtf8Bytes(order);

    /// <summary>The same bytes through System.Text.Json's source-generated contract (the reference for tests).</summary>
    internal static byte[] SerializeWithContract(Order order) =>
        JsonSerializer.SerializeToUtf8Bytes(OrderMessage.From(order), OrderJsonContext.Default.OrderMessage);

    public static string Serialize(Order order) => Encoding.UTF8.GetString(SerializeToUtf8Bytes(order));

    /// <summary>Parses and cleans a message value; returns null and a rejection when it is poison.</summary>
    public static Order? Deserialize(ReadOnlySpan<byte> utf8Json, out Rejection? rejection)
    {
        if (OrderJsonFastReader.TryRead(utf8Json, out var order))
        {
            rejection = null;
            return order;
        }

        return DeserializeGeneral(utf8Json, out rejection);
    }

    /// <summary>Every shape through the tolerant message type; the only path that describes rejections.</summary>
    internal static Order? DeserializeGeneral(ReadOnlySpan<byte> utf8Json, out Rejection? rejection)
    {
        IncomingOrderMessage? message;
        try
        {
            message = JsonSerializer.Deserialize(utf8Json, OrderJsonContext.Default.IncomingOrderMessage);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
            rejection = new Rejection(0, RejectReason.NotJson, $"not a JSON object: {Trim(ex.Message)}");
            return null;
        }

        if (message is null)
        {
            rejection = new Rejection(0, RejectReason.NotJson, "the value is JSON null, not an object");
            return null;
        }

        JsonField[] values =
        [
            message.OrderId, message.CustomerId, message.Status, message.PurchaseTimestamp, message.ApprovedAt,
            message.DeliveredCarrierDate, message.DeliveredCustomerDate, message.EstimatedDeliveryDate,
        ];
        for (var i = 0; i < values.Length; i++)
        {
            var (name, required) = Fields[i];
            var field = values[i];
            if (field.Kind == JsonFieldKind.OtherType)
            {
                rejection = new Rejection(0, RejectReason.WrongType, $"{name} is a JSON {field.TokenType}, expected a string");
                return null;
            }

            if (field.Kind == JsonFieldKind.Absent ||
                (required && (field.Kind == JsonFieldKind.Null || string.IsNullOrWhiteSpace(field.Value))))
            {
                rejection = new Rejection(0, RejectReason.MissingField,
                    field.Kind == JsonFieldKind.Absent ? $"{name} is absent" : $"{name} is null or empty");
                return null;
            }
        }

        var fields = new OrderValidator.Fields
        {
            OrderId = values[0].Value,
            CustomerId = values[1].Value,
            Status = values[2].Value,
            PurchaseTimestamp = values[3].Value,
            ApprovedAt = values[4].Value,
            DeliveredCarrierDate = values[5].Value,
            DeliveredCustomerDate = values[6].Value,
            EstimatedDeliveryDate = values[7].Value,
        };
        return OrderValidator.Validate(fields, 0, out rejection);
    }

    private static string Trim(string message) => message.Length <= 200 ? message : message[..200] + "...";
}
