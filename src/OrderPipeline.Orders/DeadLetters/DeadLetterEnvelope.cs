using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using OrderPipeline.Orders.Json;

namespace OrderPipeline.Orders.DeadLetters;

/// <summary>
/// A dead letter for a broker without record headers (Kafka before 0.11): one JSON object holding the
/// reason, where the message came from and its original key and value, base64-encoded so any bytes
/// (invalid UTF-8, binary garbage) survive unchanged. On brokers with headers, <see cref="ToHeaders"/>
/// gives the same facts as headers and the original value is kept as the record value.
/// </summary>
public sealed record DeadLetterEnvelope
{
    public const string HeaderReason = "dlq-reason";
    public const string HeaderDetail = "dlq-detail";
    public const string HeaderTopic = "dlq-original-topic";
    public const string HeaderPartition = "dlq-original-partition";
    public const string HeaderOffset = "dlq-original-offset";

    // Dead letters are read by people: keep quotes and non-ASCII text readable instead of \u-escaped.
    // They are never embedded in HTML, which is what the default escaping protects against.
    private static readonly OrderJsonContext Readable = new(new JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    [JsonPropertyName("reason")]
    public required string Reason { get; init; }

    [JsonPropertyName("detail")]
    public required string Detail { get; init; }

    [JsonPropertyName("topic")]
    public required string Topic { get; init; }

    [JsonPropertyName("partition")]
    public int Partition { get; init; }

    [JsonPropertyName("offset")]
    public long Offset { get; init; }

    /// <summary>Original key bytes, base64; null when the message had no key.</summary>
    [JsonPropertyName("key_base64")]
    public string? KeyBase64 { get; init; }

    /// <summary>Original value bytes, base64; null when the message had no value.</summary>
    [JsonPropertyName("value_base64")]
    public string? ValueBase64 { get; init; }

    /// <summary>When it was dead-lettered, ISO 8601 UTC.</summary>
    [JsonPropertyName("dead_lettered_at")]
    public required string DeadLetteredAt { get; init; }

    /// <summary>Builds the envelope for a rejected message (pure: the time is passed in).</summary>
    public static DeadLetterEnvelope Create(
        Rejection rejection, string topic, int partition, long offset, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value,
        bool hasKey, bool hasValue, DateTimeOffset deadLetteredAt)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        return new DeadLetterEnvelope
        {
            Reason = rejection.Reason.ToString(),
            Detail = rejection.Detail,
            Topic = topic,
            Partition = partition,
            Offset = offset,
            KeyBase64 = hasKey ? Convert.ToBase64String(key) : null,
            ValueBase64 = hasValue ? Convert.ToBase64String(value) : null,
            DeadLetteredAt = deadLetteredAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
        };
    }

    public static DeadLetterEnvelope? Parse(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, Readable.DeadLetterEnvelope);

    public byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(this, Readable.DeadLetterEnvelope);

    /// <summary>The same facts as record headers (UTF-8 values), for brokers that support headers.</summary>
    public IReadOnlyList<KeyValuePair<string, byte[]>> ToHeaders() =>
    [
        KeyValuePair.Create(HeaderReason, Encoding.UTF8.GetBytes(Reason)),
        KeyValuePair.Create(HeaderDetail, Encoding.UTF8.GetBytes(Detail)),
        KeyValuePair.Create(HeaderTopic, Encoding.UTF8.GetBytes(Topic)),
        KeyValuePair.Create(HeaderPartition, Encoding.UTF8.GetBytes(Partition.ToString(CultureInfo.InvariantCulture))),
        KeyValuePair.Create(HeaderOffset, Encoding.UTF8.GetBytes(Offset.ToString(CultureInfo.InvariantCulture))),
    ];

    public byte[]? OriginalKey() => KeyBase64 is null ? null : Convert.FromBase64String(KeyBase64);

    public byte[]? OriginalValue() => ValueBase64 is null ? null : Convert.FromBase64String(ValueBase64);
}
