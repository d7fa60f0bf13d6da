using System.Globalization;
using OrderPipeline.Bench.Peers;

namespace OrderPipeline.Bench.Suites;

/// Our pipeline on one input: `produce` into a fresh topic, then `consume` it into Cassandra, each a child process
/// of the built CLI, timed by wall clock and watched for peak RSS.
public sealed class PipelineSuite(BenchEnvironment environment, TopicFactory topics, Action<string> log)
{
    public StageFigures Produce { get; } = new("ours produce");
    public StageFigures Consume { get; } = new("ours consume");

    /// produce then consume, back to back (process wall times added), as for the baseline.
    public List<double> EndToEndSeconds { get; } = [];

    public async Task RunAsync(string csv, long orders, int repeats, CancellationToken cancellationToken = default)
    {
        var cli = new OurCli(environment);
        for (var i = 1; i <= repeats; i++)
        {
            var topic = await topics.CreateAsync("ours", cancellationToken);
            log($"ours run {i}/{repeats}: produce -> {topic}");
            var produced = await cli.RunAsync(PipelineArguments.Produce(csv, topic), cancellationToken: cancellationToken);
            OurCli.EnsureSucceeded(produced, "orderpipeline produce");
            Produce.Add(produced.Elapsed.TotalSeconds, orders / produced.Elapsed.TotalSeconds, produced.PeakRssBytes);

            log($"ours run {i}/{repeats}: consume <- {topic}");
            var consumed = await cli.RunAsync(PipelineArguments.Consume(topic, $"{topic}-group", orders), cancellationToken: cancellationToken);
            OurCli.EnsureSucceeded(consumed, "orderpipeline consume");
            Consume.Add(consumed.Elapsed.TotalSeconds, orders / consumed.Elapsed.TotalSeconds, consumed.PeakRssBytes);
            EndToEndSeconds.Add(produced.Elapsed.TotalSeconds + consumed.Elapsed.TotalSeconds);
            log(string.Create(CultureInfo.InvariantCulture,
                $"ours run {i}/{repeats}: produce {produced.Elapsed.TotalSeconds:0.00} s, consume {consumed.Elapsed.TotalSeconds:0.00} s"));
        }
    }
}
