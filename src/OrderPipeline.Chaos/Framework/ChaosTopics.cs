using System.Diagnostics;
using OrderPipeline.Stack;
using OrderPipeline.Stack.Install;
using OrderPipeline.Stack.Probes;

namespace OrderPipeline.Chaos.Framework;

/// Creates a scenario's topics. Kafka 0.9 has no CreateTopics request, so topics are created with Kafka's
/// own kafka.admin.TopicCommand through ZooKeeper, then metadata is polled until every partition has a leader.
internal sealed class ChaosTopics(StackInfo info, Distributions dist, string java)
{
    private static readonly TimeSpan LeaderTimeout = TimeSpan.FromSeconds(60);

    public async Task CreateAsync(string topic, int partitions, CancellationToken cancellationToken)
    {
        var rf = info.Topology.ReplicationFactor;
        // With 3 replicas, acks=all must still mean "on two brokers" when one is down.
        var configs = rf >= 3 ? new Dictionary<string, string> { ["min.insync.replicas"] = "2" } : [];
        var psi = new ProcessStartInfo(java) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in JavaCommandLines.TopicCommand(dist, info.ZooKeeperConnect, topic, partitions, rf, configs))
        {
            psi.ArgumentList.Add(arg);
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {java} for kafka.admin.TopicCommand.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var output = (await stdout) + (await stderr);
        if (process.ExitCode != 0 || output.Contains("Error", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Creating topic {topic} failed (exit {process.ExitCode}): {output.Trim()}");
        }

        await WaitForLeadersAsync(topic, partitions, cancellationToken);
    }

    private async Task WaitForLeadersAsync(string topic, int partitions, CancellationToken cancellationToken)
    {
        var broker = info.Layout.KafkaBrokers[0];
        var deadline = DateTime.UtcNow + LeaderTimeout;
        while (true)
        {
            var metadata = await KafkaProbe.GetMetadataAsync(broker.Host, broker.Port, cancellationToken);
            if (metadata.Topic(topic) is { IsUsable: true } t && t.Partitions.Count == partitions)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"Topic {topic} has no leader for all {partitions} partitions after {LeaderTimeout.TotalSeconds:0} s.");
            }

            await Task.Delay(200, cancellationToken);
        }
    }
}
