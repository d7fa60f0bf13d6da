using Confluent.Kafka;

namespace OrderPipeline.Consumer;

public sealed partial class ConsumeLoop
{
    private IConsumer<byte[]?, byte[]?> BuildConsumer()
    {
        var config = KafkaConfig.ForConsumer(_options);
        return new ConsumerBuilder<byte[]?, byte[]?>(config)
            .SetPartitionsAssignedHandler((_, partitions) =>
            {
                _tracker.Assign(partitions);
                // A fresh assignment starts unpaused; the loop re-applies the pause on its next turn if needed.
                _paused = false;
                _stats.Paused = false;
                _stats.AssignedPartitions = partitions.Count;
                Volatile.Write(ref _assignedAt, _time.GetTimestamp());
                LogAssigned(new PartitionList(partitions));
            })
            .SetPartitionsRevokedHandler((_, partitions) =>
            {
                var revoked = partitions.Select(p => p.TopicPartition).ToList();
                // Commit what was finished before the partitions move on, so the next owner replays as little
                // as possible; writes that do not finish in time are simply read again by the next owner.
                var undrained = _writesAbort.IsCancellationRequested
                    ? []
                    : _tracker.WaitForDrain(revoked, _options.RevokeDrainTimeout);
                CommitPending(_tracker.PendingCommits(revoked));
                _tracker.Remove(revoked);
                LogRevoked(new PartitionList(revoked), undrained.Count);
            })
            .SetPartitionsLostHandler((_, partitions) =>
            {
                // Lost (not revoked): another member may already own them, so committing would be wrong.
                var lost = partitions.Select(p => p.TopicPartition).ToList();
                _tracker.Remove(lost);
                LogLost(new PartitionList(lost));
            })
            .SetErrorHandler((_, error) =>
            {
                if (error.IsFatal)
                {
                    _fatal ??= new KafkaException(error);
                }

                LogKafkaError(error.Code, error.Reason);
            })
            .SetLogHandler((_, message) => LogLibrdkafka(message.Facility, message.Message))
            .Build();
    }
}

/// <summary>Formats partition numbers only when a log line is actually written.</summary>
internal readonly record struct PartitionList(IEnumerable<TopicPartition> Partitions)
{
    public override string ToString() => string.Join(", ", Partitions.Select(p => p.Partition.Value));
}
