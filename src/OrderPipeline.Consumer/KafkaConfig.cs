using Confluent.Kafka;
using OrderPipeline.Kafka;

namespace OrderPipeline.Consumer;

/// <summary>The consumer's and dead-letter producer's librdkafka settings, on top of the shared Kafka profile.</summary>
internal static class KafkaConfig
{
    public static ConsumerConfig ForConsumer(ConsumerOptions options)
    {
        var config = KafkaClientConfigs.Consumer(options.Kafka, Capabilities(options));
        // Heartbeats well inside the (0.9-capped) session timeout, so a killed member is noticed quickly
        // and a live one is never evicted.
        config.HeartbeatIntervalMs = Math.Max(500, (config.SessionTimeoutMs ?? 10_000) / 3);
        // Bounds the prefetch queue (librdkafka's default is 64 MB) to keep the process small.
        config.QueuedMaxMessagesKbytes = 16_384;
        return config;
    }

    public static ProducerConfig ForDeadLetterProducer(ConsumerOptions options)
    {
        var config = KafkaClientConfigs.Producer(options.Kafka, Capabilities(options));
        // Dead letters are rare and each one holds a partition's commit back: send promptly.
        config.LingerMs = 5;
        return config;
    }

    private static BrokerCapabilities Capabilities(ConsumerOptions options) =>
        options.Capabilities ?? throw new InvalidOperationException("The broker capabilities were not resolved before building a Kafka client.");
}
