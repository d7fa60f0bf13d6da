using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using OrderPipeline.Orders.DeadLetters;

namespace OrderPipeline.Dashboard.Health;

/// Reads the newest few messages of the dead-letter topic by assigning explicit offsets (no group
/// membership, no commits) and extracts a human-readable reason from each.
internal static class DeadLetterPeek
{
    public static IReadOnlyList<DeadLetter> Newest(
        IConsumer<byte[], byte[]> consumer,
        IReadOnlyList<(TopicPartition Partition, WatermarkOffsets Marks)> partitions,
        int count,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var wanted = partitions.Where(p => p.Marks.High.Value > p.Marks.Low.Value).ToList();
        if (wanted.Count == 0 || count <= 0)
        {
            return [];
        }

        consumer.Assign(wanted.Select(p => new TopicPartitionOffset(
            p.Partition, new Offset(Math.Max(p.Marks.Low.Value, p.Marks.High.Value - count)))));
        var letters = new List<DeadLetter>();
        var open = wanted.Count;
        var deadline = DateTime.UtcNow + timeout;
        try
        {
            while (open > 0 && DateTime.UtcNow < deadline)
            {
                var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
                cancellationToken.ThrowIfCancellationRequested();
                if (result is null)
                {
                    continue;
                }

                if (result.IsPartitionEOF)
                {
                    open--;
                    continue;
                }

                letters.Add(new DeadLetter(
                    result.Partition.Value,
                    result.Offset.Value,
                    result.Message.Timestamp.Type == TimestampType.NotAvailable ? null : result.Message.Timestamp.UtcDateTime,
                    OriginalKey(result.Message.Key, result.Message.Value),
                    HeaderReason(result.Message.Headers) ?? Reason(result.Message.Value)));
            }
        }
        finally
        {
            consumer.Unassign();
        }

        return letters.OrderByDescending(l => l.Timestamp).ThenByDescending(l => l.Offset).Take(count).ToList();
    }

    /// "reason: detail" from the pipeline's dead-letter envelope; for anything else (another producer,
    /// a future format) the start of the raw value, so the panel still says something.
    public static string Reason(byte[]? value)
    {
        if (value is null || value.Length == 0)
        {
            return "(empty message)";
        }

        try
        {
            if (DeadLetterEnvelope.Parse(value) is { } envelope)
            {
                return Shorten($"{envelope.Reason}: {envelope.Detail}");
            }
        }
        catch (JsonException)
        {
            // Not an envelope: fall through to the raw text.
        }

        return Shorten(Encoding.UTF8.GetString(value));
    }

    /// On brokers with record headers the dead letter keeps the original value and puts the reason in
    /// headers (see DeadLetterEnvelope.ToHeaders).
    public static string? HeaderReason(Headers? headers)
    {
        if (headers is null || !headers.TryGetLastBytes(DeadLetterEnvelope.HeaderReason, out var reason))
        {
            return null;
        }

        var detail = headers.TryGetLastBytes(DeadLetterEnvelope.HeaderDetail, out var d) ? Encoding.UTF8.GetString(d) : "";
        return Shorten($"{Encoding.UTF8.GetString(reason)}: {detail}");
    }

    /// The key of the message that was dead-lettered: the envelope's original key when there is one.
    private static string? OriginalKey(byte[]? key, byte[]? value)
    {
        try
        {
            if (value is { Length: > 0 } && DeadLetterEnvelope.Parse(value)?.OriginalKey() is { } original)
            {
                return Shorten(Encoding.UTF8.GetString(original));
            }
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            // Not an envelope or not base64: use the record key.
        }

        return key is null ? null : Shorten(Encoding.UTF8.GetString(key));
    }

    private static string Shorten(string text) => text.Length <= 240 ? text : string.Concat(text.AsSpan(0, 240), "…");
}
