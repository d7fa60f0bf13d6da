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

    /// <summary>How long the ApiVersions probe waits for an answer before deciding "0.9".</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Overall time to reach a broker before <see cref="KafkaUnavailableException"/>.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Producer: time a message may wait for delivery (retries included) before it counts as failed.</summary>
    public TimeSpan MessageTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Producer: how long to wait to fill a batch. Throughput over latency: 20 ms.</summary>
    public int LingerMs { get; set; } = 20;

    /// <summary>Producer: messages per batch (per partition).</summary>
    public int BatchNumMessages { get; set; } = 10_000;

    /// <summary>Producer: bytes per batch (per partition).</summary>
    public int BatchSize { get; set; } = 1_000_000;

    /// <summary>Producer: none, gzip, snappy, lz4 (default; cheap on CPU, supported by 0.9), zstd (2.1+ brokers).</summary>
    public string Compression { get; set; } = "lz4";

    /// <summary>Producer: cap of the local queue, which bounds memory (with <see cref="QueueMaxKbytes"/>).</summary>
    public int QueueMaxMessages { get; set; } = 200_000;

    public int QueueMaxKbytes { get; set; } = 65_536;

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

        if (Compression is not ("none" or "gzip" or "snappy" or "lz4" or "zstd"))
        {
            problems.Add($"Compression '{Compression}' is not one of none, gzip, snappy, lz4, zstd");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid Kafka options: " + string.Join("; ", problems) + ".");
        }

        return this;
    }
}
