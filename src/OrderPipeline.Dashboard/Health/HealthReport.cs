namespace OrderPipeline.Dashboard.Health;

/// The "pipeline health" panel: reachability, volume, lag and the most recent problem.
/// <param name="OrdersStored">Rows in `orders_by_day` at the last analytics pass; null before the first.</param>
/// <param name="RatePerMinute">Messages the consumer group committed (i.e. stored) over the last minute.</param>
public sealed record HealthReport(
    DateTimeOffset SampledAt,
    ServiceState Cassandra,
    ServiceState Kafka,
    long? OrdersStored,
    DateTimeOffset? AnalyticsComputedAt,
    double? AnalyticsRefreshSeconds,
    double? RatePerMinute,
    KafkaStatus? Pipeline,
    ErrorNote? LastError);

public sealed record ServiceState(bool Reachable, string? Error, DateTimeOffset? CheckedAt);

public sealed record ErrorNote(string Source, string Message, DateTimeOffset At);
