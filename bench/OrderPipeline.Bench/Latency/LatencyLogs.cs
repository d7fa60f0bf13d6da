using System.Globalization;
using OrderPipeline.Bench.Stats;

namespace OrderPipeline.Bench.Latency;

/// Joins the two measurement logs of a latency run into end-to-end latencies.
///
/// Kafka 0.9 stores no record timestamp (message format v0 came before timestamps in 0.10), so the record's
/// creation time is taken where a 0.10+ client sets it: the producer stamps the time of its produce() call and
/// logs it when the delivery report brings the partition and offset the broker assigned (so time spent waiting
/// in the client's batch, linger.ms, counts). The consumer logs, per stored
/// message, its partition, offset, the record timestamp the broker returned (-1 on 0.9) and the time Cassandra
/// acknowledged the write. Joined on (partition, offset): latency = ack - record timestamp, where the broker's
/// record timestamp is used when it has one and the producer's CreateTime otherwise.
///
/// Formats (one line per message, space separated, Unix milliseconds, the same machine's clock):
///   producer log: partition offset create_ms
///   consumer log: partition offset record_ms ack_ms
public static class LatencyLogs
{
    /// <param name="Summary">Every matched message.</param>
    /// <param name="AfterWarmup">Only messages created after the run's first <c>warmup</c> (the processes' first
    /// seconds include JIT and connection start-up); the same as <paramref name="Summary"/> when no warm-up is given.</param>
    public sealed record Joined(LatencySummary Summary, LatencySummary AfterWarmup, long Unmatched);

    public static Joined Join(string producerLog, string consumerLog, TimeSpan warmup = default)
    {
        var created = new Dictionary<(int, long), double>();
        if (File.Exists(producerLog))
        {
            foreach (var fields in Lines(producerLog, 3))
            {
                created[(int.Parse(fields[0], CultureInfo.InvariantCulture), long.Parse(fields[1], CultureInfo.InvariantCulture))] =
                    double.Parse(fields[2], CultureInfo.InvariantCulture);
            }
        }

        var samples = new List<(double Created, double Latency)>();
        long unmatched = 0;
        foreach (var fields in Lines(consumerLog, 4))
        {
            var key = (int.Parse(fields[0], CultureInfo.InvariantCulture), long.Parse(fields[1], CultureInfo.InvariantCulture));
            var record = double.Parse(fields[2], CultureInfo.InvariantCulture);
            var ack = double.Parse(fields[3], CultureInfo.InvariantCulture);
            if (record > 0)
            {
                samples.Add((record, ack - record));
            }
            else if (created.TryGetValue(key, out var create))
            {
                samples.Add((create, ack - create));
            }
            else
            {
                unmatched++;
            }
        }

        var all = LatencySummary.Of(samples.Select(s => s.Latency));
        if (warmup <= TimeSpan.Zero || samples.Count == 0)
        {
            return new Joined(all, all, unmatched);
        }

        var steadyFrom = samples.Min(s => s.Created) + warmup.TotalMilliseconds;
        return new Joined(all, LatencySummary.Of(samples.Where(s => s.Created >= steadyFrom).Select(s => s.Latency)), unmatched);
    }

    private static IEnumerable<string[]> Lines(string path, int fields) =>
        File.ReadLines(path)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length >= fields);
}
