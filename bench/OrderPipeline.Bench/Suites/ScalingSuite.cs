using System.Diagnostics;
using System.Globalization;
using OrderPipeline.Bench.Peers;
using OrderPipeline.Bench.Processes;
using OrderPipeline.Bench.Reporting;
using OrderPipeline.Bench.Stats;

namespace OrderPipeline.Bench.Suites;

/// Consumer scaling: 1, 2 and 3 instances of our consumer in one group on a 3-partition topic holding the same
/// orders (written by kcat, which is fastest and sends our exact messages).
public sealed class ScalingSuite(BenchEnvironment environment, TopicFactory topics, Action<string> log)
{
    /// Each instance stops after this long without a message; the figure subtracts it again.
    private const double IdleSeconds = 8;

    public Dictionary<int, List<double>> Seconds { get; } = [];

    public async Task RunAsync(string csv, long orders, int repeats, CancellationToken cancellationToken = default)
    {
        var (messages, count) = BenchInputs.WriteKcatMessages(environment, csv, cancellationToken);
        var kcat = new KcatPeer(environment);
        var topic = await topics.CreateAsync("scale", cancellationToken);
        var produced = await kcat.ProduceAsync(messages, topic, cancellationToken);
        if (produced.Messages != count)
        {
            throw new BenchException($"kcat wrote {produced.Messages} of {count} messages to {topic}.");
        }

        var cli = new OurCli(environment);
        foreach (var instances in new[] { 1, 2, 3 })
        {
            Seconds[instances] = [];
            for (var run = 1; run <= repeats; run++)
            {
                var group = string.Create(CultureInfo.InvariantCulture, $"{topic}-x{instances}-{run}");
                log($"scaling: {instances} consumer(s), run {run}/{repeats}, group {group}");
                var clock = Stopwatch.StartNew();
                var processes = Enumerable.Range(0, instances)
                    .Select(_ => cli.Start(PipelineArguments.ConsumeUntilIdle(topic, group, IdleSeconds)))
                    .ToList();
                var results = await Task.WhenAll(processes.Select(p => ChildProcess.WaitAsync(p, cancellationToken)));
                var wall = clock.Elapsed.TotalSeconds;
                foreach (var p in processes)
                {
                    p.Dispose();
                }

                foreach (var r in results)
                {
                    OurCli.EnsureSucceeded(r, $"orderpipeline consume ({instances} instances)");
                }

                Seconds[instances].Add(Math.Max(0.001, wall - IdleSeconds));
            }
        }

        _orders = orders;
    }

    private long _orders;

    public ResultTable Table()
    {
        var table = new ResultTable($"Consumer scaling, {Format.Count(_orders)} orders on a 3-partition topic",
            "instances", "seconds", "orders/s", "vs 1 instance");
        var one = Seconds.TryGetValue(1, out var s1) && s1.Count > 0 ? Repeated.Of(s1).Median : double.NaN;
        foreach (var (instances, seconds) in Seconds.OrderBy(kv => kv.Key))
        {
            var median = Repeated.Of(seconds).Median;
            table.Add(instances.ToString(CultureInfo.InvariantCulture), Format.Spread(Repeated.Of(seconds), Format.Seconds),
                Format.Rate(_orders / median), Format.Ratio(one / median));
        }

        table.Notes.Add(
            $"Seconds = wall time from starting the instances until the last one stopped, minus its {IdleSeconds.ToString(CultureInfo.InvariantCulture)} s idle stop. "
            + $"This machine has {Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture)} cores shared by Kafka, Cassandra and every consumer process, so "
            + "more instances mostly compete for the same CPU; the figure shows the partitions are shared, not a cluster's scaling.");
        return table;
    }
}
