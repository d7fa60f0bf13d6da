using Confluent.Kafka;
using OrderPipeline.Kafka;
using OrderPipeline.Orders.DeadLetters;

namespace OrderPipeline.Chaos.Framework;

/// Direct Kafka access for scenarios: raw messages into the topic, the dead-letter topic read back.
public sealed partial class ChaosContext
{
    private static readonly TimeSpan KafkaTimeout = TimeSpan.FromSeconds(30);

    /// Writes raw messages (any bytes, null key or value allowed) to a topic with acks=all, in order, and waits
    /// until every one is acknowledged. Throws when any was not.
    public async Task ProduceRawAsync(string topic, IEnumerable<(byte[]? Key, byte[]? Value)> messages,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var config = KafkaClientConfigs.Producer(Kafka, await KafkaCapabilitiesAsync(cancellationToken));
        using var producer = new ProducerBuilder<byte[]?, byte[]?>(config).SetLogHandler((_, _) => { }).Build();
        long sent = 0, delivered = 0;
        string? firstError = null;
        foreach (var (key, value) in messages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Fire and count: awaiting each send would cost a linger interval per message.
            producer.Produce(topic, new Message<byte[]?, byte[]?> { Key = key, Value = value }, report =>
            {
                if (report.Error.IsError)
                {
                    Interlocked.CompareExchange(ref firstError, report.Error.Reason, null);
                }
                else
                {
                    Interlocked.Increment(ref delivered);
                }
            });
            sent++;
        }

        await Task.Run(() => producer.Flush(KafkaTimeout), cancellationToken);
        if (Interlocked.Read(ref delivered) != sent)
        {
            throw new InvalidOperationException($"Only {delivered} of {sent} raw messages were acknowledged by {topic}: {firstError ?? "flush timed out"}");
        }
    }

    /// Every entry of the scenario's dead-letter topic, from the first offset to the end (a fresh reader, not
    /// the pipeline's group). Entries that are not envelopes are returned with reason "unreadable".
    public async Task<IReadOnlyList<DeadLetterEnvelope>> ReadDeadLettersAsync(PipelineNames names, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(names);
        var records = await ReadTopicAsync(names.DeadLetterTopic, KafkaTopicsDefaults.DeadLetterPartitions, cancellationToken);
        return [.. records.Select(r => Parse(r.Value, names.DeadLetterTopic, r.Offset))];
    }

    /// Every message of a topic's partitions 0..partitions-1, in partition then offset order.
    public async Task<IReadOnlyList<RawRecord>> ReadTopicAsync(string topic, int partitions, CancellationToken cancellationToken = default)
    {
        var config = KafkaClientConfigs.Consumer(Kafka, await KafkaCapabilitiesAsync(cancellationToken), $"chaos-reader-{Guid.NewGuid():N}");
        return await Task.Run(() => ReadAll(config, topic, partitions, cancellationToken), cancellationToken);
    }

    /// The end offset (high watermark) of each partition 0..partitions-1.
    public async Task<IReadOnlyList<long>> EndOffsetsAsync(string topic, int partitions, CancellationToken cancellationToken = default)
    {
        var config = KafkaClientConfigs.Consumer(Kafka, await KafkaCapabilitiesAsync(cancellationToken), $"chaos-reader-{Guid.NewGuid():N}");
        return await Task.Run(() =>
        {
            using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(config).SetLogHandler((_, _) => { }).Build();
            return (IReadOnlyList<long>)[.. Enumerable.Range(0, partitions)
                .Select(p => consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), KafkaTimeout).High.Value)];
        }, cancellationToken);
    }

    private static List<RawRecord> ReadAll(ConsumerConfig config, string topic, int partitions, CancellationToken cancellationToken)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(config).SetLogHandler((_, _) => { }).Build();
        var records = new List<RawRecord>();
        for (var partition = 0; partition < partitions; partition++)
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
                    throw new TimeoutException($"Read only up to offset {next} of {end} in {topic} [{partition}] in {KafkaTimeout.TotalSeconds:0} s.");
                }

                var result = consumer.Consume(TimeSpan.FromMilliseconds(500));
                if (result?.Message is null)
                {
                    continue;
                }

                next = result.Offset.Value + 1;
                records.Add(new RawRecord(partition, result.Offset.Value, result.Message.Key, result.Message.Value));
            }

            consumer.Unassign();
        }

        return records;
    }

    /// Waits until the scenario's consumer group has committed every partition of the orders topic up to its
    /// end: everything in the topic was handled (stored or dead-lettered) and acknowledged. Returns the wait.
    /// The end is read once at the start, so call it after every producer finished.
    public async Task<TimeSpan> WaitForDrainedAsync(PipelineNames names, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(names);
        var capabilities = await KafkaCapabilitiesAsync(cancellationToken);
        // Same group id, but never subscribed: it only reads the group's committed offsets, it does not join.
        var config = KafkaClientConfigs.Consumer(Kafka, capabilities, names.Group);
        return await Task.Run(() => WaitDrained(config, names.Topic, timeout, cancellationToken), cancellationToken);
    }

    private static TimeSpan WaitDrained(ConsumerConfig config, string topic, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(config).SetLogHandler((_, _) => { }).Build();
        var partitions = Enumerable.Range(0, KafkaTopicsDefaults.OrdersPartitions).Select(p => new TopicPartition(topic, p)).ToList();
        var ends = partitions.ToDictionary(tp => tp.Partition.Value, tp => consumer.QueryWatermarkOffsets(tp, KafkaTimeout).High.Value);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var committed = consumer.Committed(partitions, KafkaTimeout);
            var behind = committed.Sum(c => Math.Max(0, ends[c.Partition.Value] - Math.Max(0, c.Offset.Value)));
            if (behind == 0)
            {
                return clock.Elapsed;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"The group {config.GroupId} is still {behind} message(s) behind the end of {topic} after {timeout.TotalSeconds:0} s.");
            }

            Thread.Sleep(250);
        }
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

/// One message as read back: where it is and its raw bytes.
public sealed record RawRecord(int Partition, long Offset, byte[]? Key, byte[]? Value);
