using Confluent.Kafka;
using OrderPipeline.Kafka;

namespace OrderPipeline.Chaos.Framework;

/// The pipeline group's committed offsets, read from outside the group (an offset fetch; the reader never
/// joins the group, so it causes no rebalance).
public sealed partial class ChaosContext
{
    /// The sum over the orders topic's partitions of the offsets the scenario's consumer group committed
    /// (a partition without a commit counts 0).
    public async Task<long> CommittedOffsetsAsync(PipelineNames names, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(names);
        var config = KafkaClientConfigs.Consumer(Kafka, await KafkaCapabilitiesAsync(cancellationToken), names.Group);
        return await Task.Run(() =>
        {
            using var reader = new ConsumerBuilder<byte[]?, byte[]?>(config).SetLogHandler((_, _) => { }).Build();
            var partitions = Enumerable.Range(0, KafkaTopicsDefaults.OrdersPartitions)
                .Select(p => new TopicPartition(names.Topic, p));
            return reader.Committed(partitions, KafkaTimeout).Sum(c => c.Offset.Value >= 0 ? c.Offset.Value : 0);
        }, cancellationToken);
    }
}
