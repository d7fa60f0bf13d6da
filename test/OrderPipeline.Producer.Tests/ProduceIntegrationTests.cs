using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using OrderPipeline.Kafka;
using OrderPipeline.Orders;
using OrderPipeline.Orders.Csv;
using OrderPipeline.Orders.Json;
using OrderPipeline.TestSupport.Stack;

namespace OrderPipeline.Producer.Tests;

/// <summary>The producer against the real local Kafka, each test on its own topic, read back with a consumer.</summary>
[Collection(StackFixture.Collection)]
[Trait("Category", "Integration")]
public sealed class ProduceIntegrationTests(StackFixture stack)
{
    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "Data", "olist_orders_sample.csv");

    private KafkaOptions Options(string topic) => new KafkaOptions { BootstrapServers = stack.BootstrapServers, Topic = topic }.Validate();

    [Fact]
    public async Task Should_DeliverEverySampleOrderAsContractJson_When_ProducingTheSample()
    {
        // Given a fresh topic and the bundled sample
        var topic = $"it-produce-{Guid.NewGuid():N}";
        var options = Options(topic);
        var delivered = new List<(string Topic, int Partition)>();

        // When it is produced
        var result = await new OrderFileProducer(options).RunAsync(
            new ProduceRequest { CsvPath = Sample, RejectsPath = TempPath(), OnDelivered = (t, p) => { lock (delivered) { delivered.Add((t, p)); } } },
            new ProduceStats());

        // Then every order is delivered once, and reading the topic back gives exactly the expected records
        Assert.True(result.Succeeded, result.FirstError);
        Assert.Equal(3133, result.Delivered);
        Assert.Equal(0, result.Failed);
        Assert.Null(result.RejectsPath);
        Assert.Equal(3133, delivered.Count);
        Assert.All(delivered, d => Assert.Equal(topic, d.Topic));

        var expected = OrderFile.ReadCleaned(Sample, new CleaningSummary()).Select(r => r.Order!)
            .ToDictionary(o => o.KafkaKey, o => OrderJson.Serialize(o));
        var records = await ConsumeAsync(options, result.Broker, topic, expected.Count);
        Assert.Equal(expected.Count, records.Count);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), records.Select(r => r.Key).Order(StringComparer.Ordinal));
        foreach (var (key, value) in records)
        {
            Assert.Equal(expected[key], value);
            var order = OrderJson.Deserialize(Encoding.UTF8.GetBytes(value), out var rejection);
            Assert.Null(rejection);
            Assert.Equal(key, order!.KafkaKey);
        }
    }

    [Fact]
    public async Task Should_SendOnlyValidLastOccurrences_And_WriteRejects_When_CsvHasBadRows()
    {
        var topic = $"it-produce-bad-{Guid.NewGuid():N}";
        var lines = File.ReadLines(Sample).Take(4).ToList();
        var csv = TempPath();
        var rejects = TempPath();
        File.WriteAllText(csv, string.Join('\n', [
            lines[0], lines[1], lines[2].Replace(",delivered,", ",lost,", StringComparison.Ordinal), "not,a,row",
            lines[3], lines[1].Replace(",delivered,", ",shipped,", StringComparison.Ordinal)]) + "\n");
        var options = Options(topic);

        var result = await new OrderFileProducer(options).RunAsync(new ProduceRequest { CsvPath = csv, RejectsPath = rejects }, new ProduceStats());

        Assert.Equal(2, result.Delivered);
        Assert.Equal(2, result.Cleaning.Rejected);
        Assert.Equal(1, result.Cleaning.RejectedFor(RejectReason.UnknownStatus));
        Assert.Equal(1, result.Cleaning.RejectedFor(RejectReason.WrongFieldCount));
        Assert.Equal(1, result.Cleaning.DuplicatesSuperseded);
        Assert.Equal(rejects, result.RejectsPath);
        var rejectLines = File.ReadAllLines(rejects);
        Assert.Equal("line,reason,detail,raw", rejectLines[0]);
        Assert.StartsWith("3,UnknownStatus,", rejectLines[1], StringComparison.Ordinal);
        Assert.StartsWith("4,WrongFieldCount,", rejectLines[2], StringComparison.Ordinal);

        var records = await ConsumeAsync(options, result.Broker, topic, 2);
        var shipped = Assert.Single(records, r => r.Value.Contains("\"order_status\":\"shipped\"", StringComparison.Ordinal));
        Assert.Contains("e481f51cbdc54678b7cc49136f2d6af7", shipped.Key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_LogTheProduceCallTimeOfEachDeliveredMessage_When_TimingLogRequested()
    {
        // Given a paced run of 600 orders at 300/s whose batches wait 300 ms (linger) before they are sent
        var topic = $"it-produce-timing-{Guid.NewGuid():N}";
        var options = Options(topic);
        options.PacedLingerMs = 300;
        var log = TempPath();

        // When it runs with the timing log
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var result = await new OrderFileProducer(options).RunAsync(
            new ProduceRequest { CsvPath = Sample, RejectsPath = TempPath(), Limit = 600, RatePerSecond = 300, TimingLogPath = log }, new ProduceStats());

        // Then there is one line per delivered message, each with a distinct partition/offset and the time of its
        // produce() call: spread over the ~2 s of sending, not bunched at the few moments batches were delivered
        // (at 300 ms linger, delivery times would give only a handful of distinct values per partition).
        Assert.Equal(600, result.Delivered);
        var lines = File.ReadAllLines(log).Select(l => l.Split(' ').Select(long.Parse).ToArray()).ToList();
        Assert.Equal(600, lines.Count);
        Assert.Equal(600, lines.Select(l => (l[0], l[1])).Distinct().Count());
        Assert.All(lines, l => Assert.InRange(l[2], before, before + 60_000));
        foreach (var partition in lines.GroupBy(l => l[0]))
        {
            var times = partition.Select(l => l[2]).ToList();
            Assert.True(times.Distinct().Count() >= times.Count / 3, $"partition {partition.Key}: {times.Distinct().Count()} distinct times for {times.Count} messages");
        }
    }

    [Fact]
    public async Task Should_StopAtTheLimitAndKeepTheRate_When_Paced()
    {
        var topic = $"it-produce-rate-{Guid.NewGuid():N}";
        var clock = Stopwatch.StartNew();
        var result = await new OrderFileProducer(Options(topic)).RunAsync(
            new ProduceRequest { CsvPath = Sample, RejectsPath = TempPath(), Limit = 600, RatePerSecond = 1000 }, new ProduceStats());

        Assert.Equal(600, result.Delivered);
        Assert.Equal(600, result.Sent);
        // 600 orders at 1,000/s cannot take less than ~0.6 s of sending (connecting and scanning come on top).
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.55), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Should_StopReadingAndDrain_When_Cancelled()
    {
        var topic = $"it-produce-cancel-{Guid.NewGuid():N}";
        using var cts = new CancellationTokenSource();
        var stats = new ProduceStats();
        var run = new OrderFileProducer(Options(topic)).RunAsync(
            new ProduceRequest { CsvPath = Sample, RejectsPath = TempPath(), RatePerSecond = 500 }, stats, cts.Token);
        while (stats.Sent < 200)
        {
            await Task.Delay(20);
        }

        await cts.CancelAsync();
        var result = await run;

        Assert.True(result.Cancelled);
        Assert.InRange(result.Sent, 200, 3000);
        Assert.Equal(result.Sent, result.Delivered);
        Assert.Equal(0, result.Unconfirmed);
    }

    private static async Task<List<(string Key, string Value)>> ConsumeAsync(KafkaOptions options, BrokerCapabilities broker, string topic, int count)
    {
        var config = KafkaClientConfigs.Consumer(options, broker, groupId: $"it-{Guid.NewGuid():N}");
        using var consumer = new ConsumerBuilder<string, string>(config).Build();
        consumer.Subscribe(topic);
        var records = new List<(string, string)>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        await Task.Run(() =>
        {
            while (records.Count < count && DateTime.UtcNow < deadline)
            {
                var message = consumer.Consume(TimeSpan.FromMilliseconds(500));
                if (message is not null)
                {
                    records.Add((message.Message.Key, message.Message.Value));
                }
            }

            // Anything beyond the expected count would be a duplicate: give it a moment to show up.
            var extra = consumer.Consume(TimeSpan.FromSeconds(1));
            if (extra is not null)
            {
                records.Add((extra.Message.Key, extra.Message.Value));
            }
        });
        consumer.Close();
        return records;
    }

    private static string TempPath() => Path.Combine(Path.GetTempPath(), $"op-producer-it-{Guid.NewGuid():N}.csv");
}
