using OrderPipeline.Bench.Peers;

namespace OrderPipeline.Bench.Suites;

/// The reference design on one input: its producer as specified minus the sleep (flush per message), its
/// producer without the per-message flush, and its consumer (one synchronous QUORUM insert per message).
public sealed class BaselineSuite(BenchEnvironment environment, TopicFactory topics, Action<string> log)
{
    public StageFigures ProduceFlushPerMessage { get; } = new("baseline produce (flush per message)");
    public StageFigures ProduceNoFlush { get; } = new("baseline produce (no per-message flush)");
    public StageFigures Consume { get; } = new("baseline consume");

    /// End to end = the producer as specified (minus the sleep) then the consumer, back to back, in process
    /// wall time (interpreter start, imports, connecting and the group join included, as a user waits for them).
    public List<double> EndToEndSeconds { get; } = [];

    /// The scripts' own timing (after imports and connecting; consumer: first message to last insert).
    public List<double> ProduceActiveSeconds { get; } = [];
    public List<double> ConsumeActiveSeconds { get; } = [];

    public async Task RunAsync(string csv, long orders, int repeats, string keyspace, string table,
        CancellationToken cancellationToken = default)
    {
        var peer = new BaselinePeer(environment);
        for (var i = 1; i <= repeats; i++)
        {
            var topic = await topics.CreateAsync("base", cancellationToken);
            log($"baseline run {i}/{repeats}: producer.py (flush per message) -> {topic}");
            var produced = await peer.ProduceAsync(csv, topic, flushPerMessage: true, cancellationToken);
            Expect(produced.Figures, orders, "baseline producer.py");
            ProduceFlushPerMessage.Add(produced.Elapsed.TotalSeconds, orders / produced.Elapsed.TotalSeconds, produced.PeakRssBytes);
            ProduceActiveSeconds.Add(produced.Figures.Seconds);

            log($"baseline run {i}/{repeats}: consumer.py <- {topic}");
            var consumed = await peer.ConsumeAsync(topic, $"{topic}-group", orders, keyspace, table, cancellationToken);
            Consume.Add(consumed.Elapsed.TotalSeconds, orders / consumed.Elapsed.TotalSeconds, consumed.PeakRssBytes);
            ConsumeActiveSeconds.Add(consumed.Figures.Seconds);
            EndToEndSeconds.Add(produced.Elapsed.TotalSeconds + consumed.Elapsed.TotalSeconds);

            var spare = await topics.CreateAsync("base-noflush", cancellationToken);
            log($"baseline run {i}/{repeats}: producer.py --no-flush-per-message -> {spare}");
            var fast = await peer.ProduceAsync(csv, spare, flushPerMessage: false, cancellationToken);
            Expect(fast.Figures, orders, "baseline producer.py --no-flush-per-message");
            ProduceNoFlush.Add(fast.Elapsed.TotalSeconds, orders / fast.Elapsed.TotalSeconds, fast.PeakRssBytes);
        }
    }

    private static void Expect(BenchLine line, long orders, string what)
    {
        if (line.Messages != orders)
        {
            throw new BenchException($"{what} produced {line.Messages} messages, expected {orders}.");
        }
    }
}
