using OrderPipeline.Bench.Peers;

namespace OrderPipeline.Bench.Suites;

/// The Kafka ceiling: kcat producing the same order messages (same keys, same JSON) and consuming them back.
public sealed class KafkaCeilingSuite(BenchEnvironment environment, TopicFactory topics, Action<string> log)
{
    public StageFigures Produce { get; } = new("kcat produce");
    public StageFigures Consume { get; } = new("kcat consume");

    public async Task RunAsync(string csv, long orders, int repeats, CancellationToken cancellationToken = default)
    {
        var kcat = new KcatPeer(environment);
        var (messages, count) = BenchInputs.WriteKcatMessages(environment, csv, cancellationToken);
        if (count != orders)
        {
            throw new BenchException($"{csv} holds {count} valid orders, expected {orders}.");
        }

        for (var i = 1; i <= repeats; i++)
        {
            var topic = await topics.CreateAsync("kcat", cancellationToken);
            log($"kcat run {i}/{repeats}: produce -> {topic}");
            var produced = await kcat.ProduceAsync(messages, topic, cancellationToken);
            if (produced.Messages != orders)
            {
                throw new BenchException($"kcat produced {produced.Messages} messages, expected {orders}.");
            }

            Produce.Add(produced.Seconds, produced.Rate, 0);
            log($"kcat run {i}/{repeats}: consume <- {topic}");
            var consumed = await kcat.ConsumeAsync(topic, orders, cancellationToken);
            Consume.Add(consumed.Seconds, consumed.Rate, 0);
        }
    }
}
