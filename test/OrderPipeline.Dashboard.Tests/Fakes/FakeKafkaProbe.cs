using OrderPipeline.Dashboard.Health;
using OrderPipeline.Kafka;

namespace OrderPipeline.Dashboard.Tests.Fakes;

public sealed class FakeKafkaProbe : IKafkaProbe
{
    public bool Down { get; set; }

    public long Committed { get; set; }

    public Task<KafkaStatus> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (Down)
        {
            throw new KafkaUnavailableException("Kafka at 127.0.0.1:9092 did not answer: connection refused");
        }

        PartitionLag[] partitions = [new(0, 0, Committed + 5, Committed, 5)];
        return Task.FromResult(new KafkaStatus(partitions, 5, Committed, 2,
            [new DeadLetter(0, 1, null, "k", "bad timestamp")]));
    }
}
