using OrderPipeline.Kafka;

namespace OrderPipeline.Consumer;

/// <summary>Settings of the Kafka -> Cassandra worker; bindable from the <c>Consumer</c> configuration section.</summary>
public sealed class ConsumerOptions
{
    /// <summary>Brokers, topics (orders and dead letters), group id and the broker profile.</summary>
    public KafkaOptions Kafka { get; set; } = new();

    /// <summary>What the brokers support; resolved by probing at start when not set.</summary>
    public BrokerCapabilities? Capabilities { get; set; }

    /// <summary>Cassandra contact points, comma separated, host or host:port.</summary>
    public string ContactPoints { get; set; } = "127.0.0.1";

    public string Keyspace { get; set; } = "ecommerce";

    /// <summary>Orders whose Cassandra writes may be in flight at once; bounds memory and server load.</summary>
    public int MaxInFlight { get; set; } = 256;

    /// <summary>
    /// Tracked messages held per run (in-flight plus completed ones waiting behind an unfinished one); past
    /// it the loop stops fetching, so a single stuck write cannot make memory grow without bound.
    /// </summary>
    public int MaxWindow { get; set; } = 100_000;

    /// <summary>How often completed offsets are committed.</summary>
    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Stop when no message arrived for this long and nothing is in flight; null runs until stopped.</summary>
    public TimeSpan? UntilIdle { get; set; }

    /// <summary>Stop after this many messages were consumed (and handled); null for no limit.</summary>
    public long? MaxMessages { get; set; }

    /// <summary>How long a rebalance waits for the revoked partitions' in-flight writes before committing.</summary>
    public TimeSpan RevokeDrainTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long shutdown waits for in-flight writes (which keep retrying) before giving up on them.</summary>
    public TimeSpan ShutdownDrainTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long start-up waits for Kafka and Cassandra before reporting them unreachable.</summary>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Kafka);
        Kafka.Validate();
        ArgumentException.ThrowIfNullOrWhiteSpace(Kafka.DeadLetterTopic);
        ArgumentException.ThrowIfNullOrWhiteSpace(Kafka.GroupId);
        ArgumentException.ThrowIfNullOrWhiteSpace(ContactPoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(Keyspace);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxInFlight, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxWindow, MaxInFlight);
        if (MaxMessages is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxMessages), "must be at least 1");
        }
    }
}
