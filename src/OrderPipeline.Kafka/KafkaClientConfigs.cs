using System.Globalization;
using Confluent.Kafka;

namespace OrderPipeline.Kafka;

/// <summary>
/// librdkafka configurations for each client kind, from <see cref="KafkaOptions"/> and the resolved
/// <see cref="BrokerCapabilities"/>. Every Kafka client of the product is configured here so the 0.9
/// workarounds live in one place.
/// </summary>
public static class KafkaClientConfigs
{
    /// <summary>
    /// Throughput-oriented producer: acks=all, batching with linger, compression, bounded local queue;
    /// idempotence when the broker has it (0.11+).
    /// </summary>
    public static ProducerConfig Producer(KafkaOptions options, BrokerCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(capabilities);
        var config = new ProducerConfig
        {
            Acks = Acks.All,
            EnableIdempotence = capabilities.SupportsIdempotence,
            LingerMs = options.LingerMs,
            BatchNumMessages = options.BatchNumMessages,
            BatchSize = options.BatchSize,
            CompressionType = Enum.Parse<CompressionType>(options.Compression, ignoreCase: true),
            QueueBufferingMaxMessages = options.QueueMaxMessages,
            QueueBufferingMaxKbytes = options.QueueMaxKbytes,
            MessageTimeoutMs = (int)options.MessageTimeout.TotalMilliseconds,
            // Only the outcome and partition are used; not marshalling key/value back saves CPU per message.
            DeliveryReportFields = "none",
        };
        if (!capabilities.SupportsIdempotence)
        {
            // Without idempotence a retry may duplicate or reorder a batch; the consumer's upserts make a
            // duplicate harmless and the producer sends each order id once per run, so order is irrelevant.
            config.MaxInFlight = 5;
        }

        ApplyCommon(config, options, capabilities);
        return config;
    }

    /// <summary>
    /// Consumer for the pipeline: manual commits (offsets move only after the writes they cover), earliest
    /// offset for a new group, session timeout within what a 0.9 broker allows.
    /// </summary>
    public static ConsumerConfig Consumer(KafkaOptions options, BrokerCapabilities capabilities, string? groupId = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(capabilities);
        var config = new ConsumerConfig
        {
            GroupId = groupId ?? options.GroupId,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            // Kafka 0.9 brokers reject a session timeout above group.max.session.timeout.ms (30 s by default).
            SessionTimeoutMs = (int)Math.Min(options.SessionTimeout.TotalMilliseconds, 30_000),
            EnablePartitionEof = false,
        };
        ApplyCommon(config, options, capabilities);
        return config;
    }

    public static AdminClientConfig Admin(KafkaOptions options, BrokerCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(capabilities);
        var config = new AdminClientConfig();
        ApplyCommon(config, options, capabilities);
        return config;
    }

    private static void ApplyCommon(ClientConfig config, KafkaOptions options, BrokerCapabilities capabilities)
    {
        config.BootstrapServers = options.BootstrapServers;
        config.ClientId = options.ClientId;
        config.SocketConnectionSetupTimeoutMs = (int)Math.Max(1000, options.ConnectTimeout.TotalMilliseconds);
        if (capabilities.Profile == KafkaBrokerProfile.Legacy09)
        {
            // Kafka 0.9 predates the ApiVersionRequest (0.10) and closes the connection on it; librdkafka must
            // not send it and must assume the 0.9 protocol instead.
            config.ApiVersionRequest = false;
            config.BrokerVersionFallback = "0.9.0.1";
        }
        else
        {
            config.ApiVersionRequest = true;
        }

        foreach (var (key, value) in options.Librdkafka)
        {
            config.Set(key, value);
        }
    }

    /// <summary>A one-line description for logs (no values that could be secrets).</summary>
    public static string Describe(ProducerConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return string.Create(CultureInfo.InvariantCulture,
            $"acks={config.Acks}, idempotence={config.EnableIdempotence}, linger.ms={config.LingerMs}, batch.num.messages={config.BatchNumMessages}, compression={config.CompressionType}");
    }
}
