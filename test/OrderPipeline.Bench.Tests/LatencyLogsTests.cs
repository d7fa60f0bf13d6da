using OrderPipeline.Bench.Latency;

namespace OrderPipeline.Bench.Tests;

public class LatencyLogsTests
{
    [Fact]
    public void Should_JoinOnPartitionAndOffset_When_BrokerHasNoRecordTimestamp()
    {
        // Given a producer log (CreateTime) and a consumer log whose record timestamps are -1 (Kafka 0.9)
        var producer = Path.GetTempFileName();
        var consumer = Path.GetTempFileName();
        File.WriteAllLines(producer, ["0 0 1000", "0 1 1010", "1 0 1005"]);
        File.WriteAllLines(consumer, ["1 0 -1 1045", "0 1 -1 1030", "0 0 -1 1020", "2 7 -1 2000"]);

        // When joined
        var joined = LatencyLogs.Join(producer, consumer);
        File.Delete(producer);
        File.Delete(consumer);

        // Then latencies are 20, 20 and 40 ms, and the message without a produce record is counted apart
        Assert.Equal(3, joined.Summary.Count);
        Assert.Equal(20, joined.Summary.P50);
        Assert.Equal(40, joined.Summary.Max);
        Assert.Equal(1, joined.Unmatched);
    }

    [Fact]
    public void Should_UseRecordTimestamp_When_BrokerHasOne()
    {
        var consumer = Path.GetTempFileName();
        File.WriteAllLines(consumer, ["0 0 5000 5007"]);

        var joined = LatencyLogs.Join(Path.Combine(Path.GetTempPath(), "absent-producer-log"), consumer);
        File.Delete(consumer);

        Assert.Equal(7, joined.Summary.Max);
        Assert.Equal(0, joined.Unmatched);
    }

    [Fact]
    public void Should_LeaveOutTheFirstMessages_When_AWarmupIsGiven()
    {
        // Given messages created at 0, 500, 1000 and 1500 ms, the first two slow (start-up)
        var producer = Path.GetTempFileName();
        var consumer = Path.GetTempFileName();
        File.WriteAllLines(producer, ["0 0 0", "0 1 500", "0 2 1000", "0 3 1500"]);
        File.WriteAllLines(consumer, ["0 0 -1 300", "0 1 -1 700", "0 2 -1 1010", "0 3 -1 1520"]);

        // When joined with a 1 s warm-up
        var joined = LatencyLogs.Join(producer, consumer, TimeSpan.FromSeconds(1));
        File.Delete(producer);
        File.Delete(consumer);

        // Then the whole run keeps all four, and the steady part only the two created from 1,000 ms on
        Assert.Equal(4, joined.Summary.Count);
        Assert.Equal(300, joined.Summary.Max);
        Assert.Equal(2, joined.AfterWarmup.Count);
        Assert.Equal(20, joined.AfterWarmup.Max);
    }
}
