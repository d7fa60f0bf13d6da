namespace OrderPipeline.Dashboard.Health;

/// What Kafka says about the pipeline at one moment.
/// <param name="CommittedTotal">Sum of the group's committed offsets: grows by one per stored message.</param>
public sealed record KafkaStatus(
    IReadOnlyList<PartitionLag> Partitions,
    long TotalLag,
    long CommittedTotal,
    long DeadLetters,
    IReadOnlyList<DeadLetter> LatestDeadLetters);

/// <param name="Committed">Null when the group has committed nothing on this partition yet.</param>
public sealed record PartitionLag(int Partition, long LowWatermark, long HighWatermark, long? Committed, long Lag);

public sealed record DeadLetter(int Partition, long Offset, DateTimeOffset? Timestamp, string? Key, string Reason);

/// Reads offsets, lag and dead letters; the production implementation uses Confluent.Kafka.
public interface IKafkaProbe
{
    /// Throws <see cref="Kafka.KafkaUnavailableException"/> when the brokers do not answer.
    Task<KafkaStatus> ReadAsync(CancellationToken cancellationToken = default);
}
