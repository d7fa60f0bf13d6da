using OrderPipeline.Kafka;

namespace OrderPipeline.Dashboard;

/// Settings of the dashboard; defaults match the local stack in docs/architecture.md.
public sealed class DashboardOptions
{
    /// Cassandra contact points, host or host:port.
    public IReadOnlyList<string> CassandraContactPoints { get; set; } = ["127.0.0.1:9042"];

    /// Kafka settings shared with the producer and consumer (bootstrap servers, topics, group, profile).
    public KafkaOptions Kafka { get; set; } = new();

    public string Keyspace { get; set; } = "ecommerce";

    /// Pause between two analytics passes; a pass over a million orders takes several seconds, so the
    /// page always answers from the last finished pass.
    public TimeSpan AnalyticsInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// Pause between two health samples (reachability, offsets, lag).
    public TimeSpan HealthInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// Rows shown at most for a query-box statement.
    public int MaxQueryRows { get; set; } = 500;

    /// Dead-lettered messages whose reasons are shown.
    public int DeadLetterSamples { get; set; } = 5;
}
