using System.Globalization;
using OrderPipeline.Bench.Latency;
using OrderPipeline.Bench.Peers;
using OrderPipeline.Bench.Processes;
using OrderPipeline.Bench.Reporting;
using OrderPipeline.Bench.Stats;

namespace OrderPipeline.Bench.Suites;

/// End-to-end latency at steady rates: our consumer runs and has joined its group, then our producer sends at
/// `--rate R` for a fixed time; each stored message's latency runs from its record timestamp (the producer's
/// CreateTime on Kafka 0.9, see <see cref="LatencyLogs"/>) to Cassandra's acknowledgement of its write.
public sealed class LatencySuite(BenchEnvironment environment, TopicFactory topics, Action<string> log)
{
    /// Time given to the consumer to start, connect and join its group before the producer starts.
    private static readonly TimeSpan JoinWait = TimeSpan.FromSeconds(8);

    /// The first seconds of a run, shown apart: the producer process is new (JIT, connecting) and the idle consumer
    /// meets its first messages. The table's figures and verdict are for the whole run.
    public static readonly TimeSpan Warmup = TimeSpan.FromSeconds(3);

    public List<(int Rate, LatencyLogs.Joined Joined, double AchievedRate)> Results { get; } = [];

    public async Task RunAsync(string csv, IEnumerable<int> rates, int seconds, CancellationToken cancellationToken = default)
    {
        var cli = new OurCli(environment);
        foreach (var rate in rates)
        {
            var orders = (long)rate * seconds;
            var input = BenchInputs.GenerateCsv(environment, orders, seed: 11, cancellationToken);
            var topic = await topics.CreateAsync(string.Create(CultureInfo.InvariantCulture, $"lat{rate}"), cancellationToken);
            var producerLog = Path.Combine(environment.WorkDirectory, $"{topic}.produce.log");
            var consumerLog = Path.Combine(environment.WorkDirectory, $"{topic}.ack.log");
            log($"latency at --rate {rate}: {orders} orders via {topic}");
            using var consumer = cli.Start(PipelineArguments.Consume(topic, $"{topic}-group", orders),
                new Dictionary<string, string> { [LatencyHook.ConsumerLogVariable] = consumerLog });
            var consuming = ChildProcess.WaitAsync(consumer, cancellationToken);
            await Task.Delay(JoinWait, cancellationToken);
            var produced = await cli.RunAsync(PipelineArguments.Produce(input, topic, rate),
                new Dictionary<string, string> { [LatencyHook.ProducerLogVariable] = producerLog }, cancellationToken);
            OurCli.EnsureSucceeded(produced, $"orderpipeline produce --rate {rate}");
            var consumed = await consuming;
            OurCli.EnsureSucceeded(consumed, "orderpipeline consume (latency run)");
            if (!File.Exists(consumerLog))
            {
                throw new BenchException(
                    $"consume wrote no latency log ({LatencyHook.ConsumerLogVariable}); this build's consumer has no measurement hook.");
            }

            var joined = LatencyLogs.Join(producerLog, consumerLog, Warmup);
            Results.Add((rate, joined, orders / produced.Elapsed.TotalSeconds));
            log(string.Create(CultureInfo.InvariantCulture,
                $"latency at --rate {rate}: p50 {joined.Summary.P50:0.0} ms, p99 {joined.Summary.P99:0.0} ms, max {joined.Summary.Max:0.0} ms"));
        }
    }

    public ResultTable Table()
    {
        var table = new ResultTable("End-to-end latency at a steady --rate (record timestamp to Cassandra ack)",
            "--rate", "messages", "p50 ms", "p95 ms", "p99 ms", "max ms", "target");
        foreach (var (rate, joined, _) in Results)
        {
            var s = joined.Summary;
            var steady = joined.AfterWarmup;
            table.Add(Format.Count(rate), Format.Count(s.Count), Format.Ms(s.P50), Format.Ms(s.P95), Format.Ms(s.P99), Format.Ms(s.Max),
                rate == 2000 ? "p99 < 50 ms: " + Verdict.AtMost(s.P99, 50, v => Format.Ms(v) + " ms") : "");
            table.Notes.Add($"--rate {Format.Count(rate)} without the first {Warmup.TotalSeconds:0} s ({Format.Count(steady.Count)} messages): "
                + $"p50 {Format.Ms(steady.P50)} ms, p95 {Format.Ms(steady.P95)} ms, p99 {Format.Ms(steady.P99)} ms, max {Format.Ms(steady.Max)} ms.");
            if (joined.Unmatched > 0)
            {
                table.Notes.Add($"--rate {rate}: {joined.Unmatched} stored messages had no timestamp to match and are left out.");
            }
        }

        table.Notes.Add("Kafka 0.9 keeps no record timestamp; the timestamp is the time of our producer's produce() call (where a 0.10+ "
            + "client stamps CreateTime, so the wait in the client's batch counts), logged with the partition and offset of its delivery report and joined with the consumer's ack time by partition and offset. "
            + "One run per rate (each run is thousands of samples); the producer and consumer share the 2 cores with the servers.");
        return table;
    }
}
