using System.Text;
using System.Text.Json;
using Confluent.Kafka;

namespace OrderPipeline.Dashboard.Health;

/// Reads the newest few messages of the dead-letter topic by assigning explicit offsets (no group
/// membership, no commits) and extracts a human-readable reason from each.
internal static class DeadLetterPeek
{
    private static readonly string[] ReasonFields = ["reason", "error", "exception", "message"];

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
                    result.Message.Key is null ? null : Encoding.UTF8.GetString(result.Message.Key),
                    Reason(result.Message.Value)));
            }
        }
        finally
        {
            consumer.Unassign();
        }

        return letters.OrderByDescending(l => l.Timestamp).ThenByDescending(l => l.Offset).Take(count).ToList();
    }

    /// The dead letter's reason field when the value is a JSON object that has one; otherwise the start
    /// of the raw value, so an unknown format still says something.
    public static string Reason(byte[]? value)
    {
        if (value is null || value.Length == 0)
        {
            return "(empty message)";
        }

        try
        {
            using var doc = JsonDocument.Parse(value);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in doc.RootElement.EnumerateObject())
                {
                    if (ReasonFields.Contains(property.Name, StringComparer.OrdinalIgnoreCase)
                        && property.Value.ValueKind == JsonValueKind.String)
                    {
                        return Shorten(property.Value.GetString()!);
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: fall through to the raw text.
        }

        return Shorten(Encoding.UTF8.GetString(value));
    }

    private static string Shorten(string text) => text.Length <= 240 ? text : string.Concat(text.AsSpan(0, 240), "…");
}
