using Microsoft.Extensions.Configuration;

namespace OrderPipeline.Kafka;

/// <summary>
/// Kafka settings shared by the producer and the consumer, bound from the configuration section
/// <c>Kafka</c> (e.g. <c>Kafka__BootstrapServers</c> in the environment). Defaults match the local stack
/// and the architecture's contracts. Call <see cref="Validate"/> before use.
/// </summary>
public sealed class KafkaOptions
{
    public const string SectionName = "Kafka";

    /// <summary>Comma-separated <c>host:port</c> list. Default <c>127.0.0.1:9092</c>.</summary>
    public string BootstrapServers { get; set; } = "127.0.0.1:9092";

    /// <summary><c>auto</c> (default: probe the broker), <c>legacy-0.9</c> or <c>modern</c>.</summary>
    public string Profile { get; set; } = "auto";

    public string Topic { get; set; } = "ecommerce-orders";

    public string DeadLetterTopic { get; set; } = "ecommerce-orders-dlq";

    /// <summary>Partitions of a topic we create (modern brokers; 0.9 auto-creation uses the broker's default).</summary>
    public int TopicPartitions { get; set; } = 3;

    public short ReplicationFactor { get; set; } = 1;

    public string ClientId { get; set; } = "orderpipeline";

    /// <summary>Consumer group. Default <c>ecommerce-group</c>.</summary>
    public string GroupId { get; set; } = "ecommerce-group";

    /// <summary>Consumer session timeout; at most 30 s (the 0.9 broker's group.max.session.timeout.ms).</summary>
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long the ApiVersions probe waits for an answer before deciding "0.9". A modern broker answers in
    /// milliseconds; the 0.9 broker of the stack never answers (observed: no reply and no close in 15 s), so
    /// this is the start-up cost of auto-detection there. Misjudging a slow modern broker as 0.9 is harmless:
    /// the 0.9 settings work against any broker, without idempotence and headers.
    /// </summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Overall time to reach a broker before <see cref="KafkaUnavailableException"/>.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Producer: time a message may wait for delivery (retries included) before it counts as failed.</summary>
    public TimeSpan MessageTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Producer: how long to wait to fill a batch. Throughput over latency: 20 ms.</summary>
    public int LingerMs { get; set; } = 20;

    /// <summary>
    /// Producer linger when <c>--rate</c> paces the sends (simulated real-time arrival): latency over throughput.
    /// At a paced rate a batch never fills, so every message would wait out the whole linger; 2 ms keeps that
    /// wait small while still grouping the messages of a burst.
    /// </summary>
    public int PacedLingerMs { get; set; } = 2;

    /// <summary>Producer: messages per batch (per partition).</summary>
    public int BatchNumMessages { get; set; } = 10_000;

    /// <summary>Producer: bytes per batch (per partition).</summary>
    public int BatchSize { get; set; } = 1_000_000;

    /// <summary>
    /// Producer: <c>auto</c> (default), none, gzip, snappy, lz4, zstd (2.1+ brokers). Auto means lz4 on modern
    /// brokers (cheap on CPU, fewer bytes) and none on 0.9, whose broker decompresses and recompresses every
    /// compressed message set to assign offsets: on a machine the broker shares with the producer that costs
    /// more CPU than it saves network.
    /// </summary>
    public string Compression { get; set; } = "auto";

    /// <summary>
    /// Producer: cap of the local queue, which bounds memory (with <see cref="QueueMaxKbytes"/>). librdkafka keeps
    /// a copy plus per-message bookkeeping for every queued message, so the count, not the KB cap, is what limits
    /// native memory: at 100,000 a 1M-order run peaked at 141-194 MB RSS, at 20,000 at 126-127 MB with the same
    /// send time (two full 10,000-message batches stay queued).
    /// </summary>
    public int QueueMaxMessages { get; set; } = 20_000;

    /// <summary>Producer: cap of the local queue in KB (32 MB keeps the producer well under 150 MB RSS).</summary>
    public int QueueMaxKbytes { get; set; } = 32_768;

    /// <summary>Raw librdkafka properties applied last (expert overrides), e.g. <c>Kafka:Librdkafka:debug</c>.</summary>
    public Dictionary<string, string> Librdkafka { get; set; } = new(StringComparer.Ordinal);

    public KafkaBrokerProfile ParsedProfile => KafkaBrokerProfiles.Parse(Profile);

    /// <summary>Binds the <c>Kafka</c> section (missing keys keep their defaults).</summary>
    public static KafkaOptions Bind(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new KafkaOptions();
        configuration.GetSection(SectionName).Bind(options);
        return options;
    }

    /// <summary>Checks every value and throws one <see cref="ArgumentException"/> listing all problems.</summary>
    public KafkaOptions Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(BootstrapServers) || BrokerEndpoints.Parse(BootstrapServers).Count == 0)
        {
            problems.Add("BootstrapServers must be a comma-separated host:port list");
        }

        try
        {
            _ = ParsedProfile;
        }
        catch (ArgumentException ex)
        {
            problems.Add(ex.Message);
        }

        if (string.IsNullOrWhiteSpace(Topic))
        {
            problems.Add("Topic is empty");
        }

        if (TopicPartitions < 1)
        {
            problems.Add("TopicPartitions must be at least 1");
        }

        if (ReplicationFactor < 1)
        {
            problems.Add("ReplicationFactor must be at least 1");
        }

        if (SessionTimeout <= TimeSpan.Zero || SessionTimeout > TimeSpan.FromSeconds(30))
        {
            problems.Add("SessionTimeout must be between 0 and 30 s (the 0.9 broker's maximum)");
        }

        if (ProbeTimeout <= TimeSpan.Zero || ConnectTimeout <= TimeSpan.Zero || MessageTimeout <= TimeSpan.Zero)
        {
            problems.Add("ProbeTimeout, ConnectTimeout and MessageTimeout must be positive");
        }

        if (Compression is not ("auto" or "none" or "gzip" or "snappy" or "lz4" or "zstd"))
        {
            problems.Add($"Compression '{Compression}' is not one of auto, none, gzip, snappy, lz4, zstd");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid Kafka options: " + string.Join("; ", problems) + ".");
        }

        return this;
    }
}
