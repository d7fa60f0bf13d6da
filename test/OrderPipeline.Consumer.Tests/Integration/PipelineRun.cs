using System.Text;
using Confluent.Kafka;
using OrderPipeline.Kafka;
using OrderPipeline.Producer;

namespace OrderPipeline.Consumer.Tests.Integration;

/// <summary>
/// One isolated pipeline for a test: its own topic (3 partitions), dead-letter topic, keyspace and group, so tests
/// never see each other's data. The CLI runs as a child process, as a user would run it.
/// </summary>
public sealed class PipelineRun
{
    private PipelineRun(string name)
    {
        Topic = TestServers.UniqueName($"{name}_in");
        DeadLetterTopic = TestServers.UniqueName($"{name}_dlq");
        Keyspace = TestServers.UniqueName($"ks_{name}");
        Group = TestServers.UniqueName($"{name}_group");
    }

    public string Topic { get; }

    public string DeadLetterTopic { get; }

    public string Keyspace { get; }

    public string Group { get; }

    public KafkaOptions Kafka => new KafkaOptions { BootstrapServers = TestServers.BootstrapServers, Topic = Topic }.Validate();

    public static async Task<PipelineRun> CreateAsync(string name)
    {
        var run = new PipelineRun(name);
        await TestServers.CreateTopicAsync(run.Topic, 3);
        await TestServers.CreateTopicAsync(run.DeadLetterTopic, 1);
        var (code, output) = await TestServers.RunCliAsync(
            ["schema", "apply", "--keyspace", run.Keyspace, "--contact-points", TestServers.ContactPoints], TimeSpan.FromMinutes(2));
        Assert.True(code == 0, $"schema apply failed ({code}):\n{output}");
        return run;
    }

    public async Task<ProduceResult> ProduceAsync(string csvPath)
    {
        var result = await new OrderFileProducer(Kafka).RunAsync(
            new ProduceRequest { CsvPath = csvPath, RejectsPath = Path.GetTempFileName() }, new ProduceStats());
        Assert.True(result.Succeeded, $"produce failed: {result.FirstError}");
        return result;
    }

    /// <summary>Sends raw key/value bytes to the input topic (for poison messages).</summary>
    public async Task SendRawAsync(IEnumerable<(byte[]? Key, byte[]? Value)> messages)
    {
        var caps = await BrokerProbe.ResolveAsync(Kafka);
        using var producer = new ProducerBuilder<byte[]?, byte[]?>(KafkaClientConfigs.Producer(Kafka, caps)).Build();
        foreach (var (key, value) in messages)
        {
            await producer.ProduceAsync(Topic, new Message<byte[]?, byte[]?> { Key = key, Value = value });
        }
    }

    public IReadOnlyList<string> ConsumeArgs(params string[] extra) =>
    [
        "consume", "--topic", Topic, "--dlq-topic", DeadLetterTopic, "--keyspace", Keyspace, "--group", Group,
        "--bootstrap-servers", TestServers.BootstrapServers, "--contact-points", TestServers.ContactPoints, .. extra,
    ];

    public Task<(int ExitCode, string Output)> ConsumeUntilIdleAsync(double idleSeconds = 6) =>
        TestServers.RunCliAsync(ConsumeArgs("--until-idle", idleSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)), TimeSpan.FromMinutes(5));

    public Task<(int ExitCode, string Output)> VerifyAsync(string csvPath) =>
        TestServers.RunCliAsync(
            ["verify", "--csv", csvPath, "--keyspace", Keyspace, "--contact-points", TestServers.ContactPoints, "--sample", "3"],
            TimeSpan.FromMinutes(3));

    /// <summary>Reads every message of the dead-letter topic from the start.</summary>
    public async Task<List<ConsumeResult<byte[]?, byte[]?>>> ReadDeadLettersAsync(int expected, TimeSpan timeout)
    {
        var caps = await BrokerProbe.ResolveAsync(Kafka);
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(KafkaClientConfigs.Consumer(Kafka, caps, TestServers.UniqueName("dlqreader"))).Build();
        consumer.Subscribe(DeadLetterTopic);
        var results = new List<ConsumeResult<byte[]?, byte[]?>>();
        var deadline = DateTime.UtcNow + timeout;
        while (results.Count < expected && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(500)) is { IsPartitionEOF: false } r)
            {
                results.Add(r);
            }
        }

        // A little longer, to catch dead letters beyond the expected count.
        var extra = DateTime.UtcNow + TimeSpan.FromSeconds(2);
        while (DateTime.UtcNow < extra)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { IsPartitionEOF: false } r)
            {
                results.Add(r);
            }
        }

        consumer.Close();
        return results;
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
