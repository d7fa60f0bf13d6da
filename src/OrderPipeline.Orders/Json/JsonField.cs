using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderPipeline.Orders.Json;

internal enum JsonFieldKind
{
    Absent,
    Null,
    String,
    OtherType,
}

/// <summary>
/// One field of an incoming message, remembering whether it was absent, null, a string or something else,
/// so the deserializer can name the exact problem instead of failing with a generic exception.
/// </summary>
[JsonConverter(typeof(JsonFieldConverter))]
internal readonly record struct JsonField(JsonFieldKind Kind, string? Value, JsonTokenType TokenType = JsonTokenType.None);

internal sealed class JsonFieldConverter : JsonConverter<JsonField>
{
    // Without this a JSON null would leave the struct at its default, indistinguishable from "absent".
    public override bool HandleNull => true;

    public override JsonField Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return new JsonField(JsonFieldKind.String, reader.GetString());
            case JsonTokenType.Null:
                return new JsonField(JsonFieldKind.Null, null);
            default:
                var type = reader.TokenType;
                reader.Skip();
                return new JsonField(JsonFieldKind.OtherType, null, type);
        }
    }

    public override void Write(Utf8JsonWriter writer, JsonField value, JsonSerializerOptions options)
    {
        if (value.Kind == JsonFieldKind.String)
        {
            writer.WriteStringValue(value.Value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

/// <summary>An incoming message as read, before the cleaning rules (tolerant of every shape).</summary>
internal sealed class IncomingOrderMessage
{
    [JsonPropertyName(OrderFields.OrderId)]
    public JsonField OrderId { get; set; }

    [JsonPropertyName(OrderFields.CustomerId)]
    public JsonField CustomerId { get; set; }

    [JsonPropertyName(OrderFields.Status)]
    public JsonField Status { get; set; }

    [JsonPropertyName(OrderFields.PurchaseTimestamp)]
    public JsonField PurchaseTimestamp { get; set; }

    [JsonPropertyName(OrderFields.ApprovedAt)]
    public JsonField ApprovedAt { get; set; }

    [JsonPropertyName(OrderFields.DeliveredCarrierDate)]
    public JsonField DeliveredCarrierDate { get; set; }

    [JsonPropertyName(OrderFields.DeliveredCustomerDate)]
    public JsonField DeliveredCustomerDate { get; set; }

    [JsonPropertyName(OrderFields.EstimatedDeliveryDate)]
    public JsonField EstimatedDeliveryDate { get; set; }
}
