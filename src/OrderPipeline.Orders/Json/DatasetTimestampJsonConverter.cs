using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderPipeline.Orders.Json;

/// <summary>Writes a timestamp as <c>"yyyy-MM-dd HH:mm:ss"</c> (its clock value) and null as <c>null</c>.</summary>
internal sealed class DatasetTimestampJsonConverter : JsonConverter<DateTime?>
{
    public override bool HandleNull => true;

    public override DateTime? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var text = reader.GetString();
        return DatasetTimestamp.TryParse(text, out var value) switch
        {
            TimestampParseResult.Ok => value,
            TimestampParseResult.Empty => null,
            _ => throw new JsonException($"'{text}' is not a {DatasetTimestamp.Format} timestamp."),
        };
    }

    public override void Write(Utf8JsonWriter writer, DateTime? value, JsonSerializerOptions options)
    {
        if (value is not { } v)
        {
            writer.WriteNullValue();
            return;
        }

        Span<byte> utf8 = stackalloc byte[DatasetTimestamp.Length];
        DatasetTimestamp.WriteUtf8(v, utf8);
        writer.WriteStringValue(utf8);
    }
}
