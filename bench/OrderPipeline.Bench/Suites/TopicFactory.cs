using System.Globalization;
using OrderPipeline.Bench.Processes;

namespace OrderPipeline.Bench.Suites;

/// Creates a fresh topic for every measured run, so no run reads another's messages and every consumer group
/// starts from an empty log. Kafka 0.9 has no CreateTopics request, so topics are created with Kafka's own
/// kafka.admin.TopicCommand (through ZooKeeper), then kcat's metadata listing is polled until every partition
/// has a leader.
public sealed class TopicFactory(BenchEnvironment environment, string java, IReadOnlyList<string> kafkaClassPath, string kafkaHome)
{
    private readonly string _runId = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
    private int _sequence;

    public int Partitions { get; init; } = 3;

    public async Task<string> CreateAsync(string purpose, CancellationToken cancellationToken = default)
    {
        var topic = $"bench-{_runId}-{purpose}-{Interlocked.Increment(ref _sequence)}";
        await CreateAsync(topic, Partitions, cancellationToken);
        return topic;
    }

    public async Task CreateAsync(string topic, int partitions, CancellationToken cancellationToken = default)
    {
        var result = await ChildProcess.RunAsync(java,
        [
            "-Xmx128m", "-Djava.net.preferIPv4Stack=true",
            "-Dlog4j.configuration=file:" + Path.Combine(kafkaHome, "config", "tools-log4j.properties"),
            "-cp", string.Join(':', kafkaClassPath),
            "kafka.admin.TopicCommand", "--zookeeper", $"{environment.Subnet}.1:2181", "--create",
            "--topic", topic, "--partitions", partitions.ToString(CultureInfo.InvariantCulture),
            "--replication-factor", "1",
        ], cancellationToken);
        var output = result.StandardOutput + result.StandardError;
        if (result.ExitCode != 0 || output.Contains("Error", StringComparison.Ordinal))
        {
            throw new BenchException($"Creating topic {topic} failed (exit {result.ExitCode}): {output.Trim()}");
        }

        await WaitForLeadersAsync(topic, partitions, cancellationToken);
    }

    private async Task WaitForLeadersAsync(string topic, int partitions, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var listing = await ChildProcess.RunAsync("kcat",
            [
                "-L", "-b", environment.Brokers, "-t", topic,
                "-X", "api.version.request=false", "-X", "broker.version.fallback=0.9.0.1",
            ], cancellationToken);
            var lines = listing.StandardOutput.Split('\n');
            var led = lines.Count(l => l.TrimStart().StartsWith("partition ", StringComparison.Ordinal)
                && l.Contains(", leader ", StringComparison.Ordinal) && !l.Contains("leader -1", StringComparison.Ordinal));
            if (listing.ExitCode == 0 && led == partitions && !listing.StandardOutput.Contains("Error", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new BenchException($"Topic {topic} has no leader for all {partitions} partitions after 30 s: {listing.StandardOutput.Trim()}");
            }

            await Task.Delay(250, cancellationToken);
        }
    }
}
