using Confluent.Kafka;
using OrderPipeline.Kafka;
using OrderPipeline.Orders.DeadLetters;

namespace OrderPipeline.Chaos.Framework;

/// Direct Kafka access for scenarios: raw messages into the topic, the dead-letter topic read back.
public sealed partial class ChaosContext
{
    private static readonly TimeSpan KafkaTimeout = TimeSpan.FromSeconds(30);

    /// Writes raw messages (any bytes, null key or value allowed) to a topic with acks=all, in order.
    public async Task ProduceRawAsync(string topic, IEnumerable<(byte[]? Key, byte[]? Value)> messages,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var config = KafkaClientConfigs.Producer(Kafka, await KafkaCapabilitiesAsync(cancellationToken));
        // Poison messages include one larger than the default 1 MB request; the broker's limit still applies.
        config.MessageMaxBytes = 2_000_000;
        using var producer = new ProducerBuilder<byte[]?, byte[]?>(config).SetLogHandler((_, _) => { }).Build();
        foreach (var (key, value) in messages)
        {
            await producer.ProduceAsync(topic, new Message<byte[]?, byte[]?> { Key = key, Value = value }, cancellationToken);
        }

        producer.Flush(KafkaTimeout);
    }

    /// Every entry of the scenario's dead-letter topic, from the first offset to the end (a fresh reader, not
    /// the pipeline's group). Entries that are not envelopes are returned with reason "unreadable".
    public async Task<IReadOnlyList<DeadLetterEnvelope>> ReadDeadLettersAsync(PipelineNames names, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(names);
        var capabilities = await KafkaCapabilitiesAsync(cancellationToken);
        var config = KafkaClientConfigs.Consumer(Kafka, capabilities, $"{names.Group}-dlq-reader-{Guid.NewGuid():N}");
        return await Task.Run(() => ReadAll(config, names.DeadLetterTopic, cancellationToken), cancellationToken);
    }

    private static List<DeadLetterEnvelope> ReadAll(ConsumerConfig config, string topic, CancellationToken cancellationToken)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(config).SetLogHandler((_, _) => { }).Build();
        var entries = new List<DeadLetterEnvelope>();
        for (var partition = 0; partition < KafkaTopicsDefaults.DeadLetterPartitions; partition++)
        {
            var tp = new TopicPartition(topic, partition);
            var end = consumer.QueryWatermarkOffsets(tp, KafkaTimeout).High.Value;
            if (end == 0)
            {
                continue;
            }

            consumer.Assign(new TopicPartitionOffset(tp, Offset.Beginning));
            var deadline = DateTime.UtcNow + KafkaTimeout;
            long next = 0;
            while (next < end)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"Read only {next} of {end} dead letters of {topic} in {KafkaTimeout.TotalSeconds:0} s.");
                }

                var result = consumer.Consume(TimeSpan.FromMilliseconds(500));
                if (result?.Message is null)
                {
                    continue;
                }

                next = result.Offset.Value + 1;
                entries.Add(Parse(result.Message.Value, topic, result.Offset.Value));
            }

            consumer.Unassign();
        }

        return entries;
    }

    private static DeadLetterEnvelope Parse(byte[]? value, string topic, long offset)
    {
        try
        {
            if (value is not null && DeadLetterEnvelope.Parse(value) is { } envelope)
            {
                return envelope;
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Falls through to the "unreadable" entry below: the check that every entry has a reason fails on it.
        }

        return new DeadLetterEnvelope
        {
            Reason = "unreadable",
            Detail = "the dead-letter entry is not an envelope",
            Topic = topic,
            Offset = offset,
            DeadLetteredAt = "",
        };
    }
}
