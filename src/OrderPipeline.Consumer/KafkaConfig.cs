using Confluent.Kafka;

namespace OrderPipeline.Consumer;

/// <summary>librdkafka settings of the consumer and the dead-letter producer.</summary>
internal static class KafkaConfig
{
    public static ConsumerConfig ForConsumer(ConsumerOptions options)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = options.BootstrapServers,
            GroupId = options.GroupId,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            // Offsets are committed explicitly, and only those the offset tracker approves.
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            EnablePartitionEof = false,
            // Kafka 0.9 brokers cap group.max.session.timeout.ms at 30 s (librdkafka's default is 45 s);
            // a short session also hands a killed consumer's partitions over quickly.
            SessionTimeoutMs = 10_000,
            HeartbeatIntervalMs = 3_000,
            // Bounds the prefetch queue (default 64 MB per consumer) to keep the process small.
            QueuedMaxMessagesKbytes = 16_384,
            SocketTimeoutMs = 10_000,
        };
        foreach (var (key, value) in options.KafkaProperties)
        {
            config.Set(key, value);
        }

        return config;
    }

    public static ProducerConfig ForDeadLetterProducer(ConsumerOptions options)
    {
        var config = new ProducerConfig
        {
            BootstrapServers = options.BootstrapServers,
            Acks = Acks.All,
            LingerMs = 5,
            MessageTimeoutMs = 30_000,
            SocketTimeoutMs = 10_000,
        };
        foreach (var (key, value) in options.KafkaProperties)
        {
            config.Set(key, value);
        }

        return config;
    }

    public static AdminClientConfig ForAdmin(ConsumerOptions options)
    {
        var config = new AdminClientConfig { BootstrapServers = options.BootstrapServers, SocketTimeoutMs = 10_000 };
        foreach (var (key, value) in options.KafkaProperties)
        {
            // Consumer-only keys would make the admin client warn; the profile keys are client-wide.
            if (!key.StartsWith("group.", StringComparison.Ordinal))
            {
                config.Set(key, value);
            }
        }

        return config;
    }
}
