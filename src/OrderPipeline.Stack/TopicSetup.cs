using System.Diagnostics;
using OrderPipeline.Stack.Install;
using OrderPipeline.Stack.Probes;

namespace OrderPipeline.Stack;

/// Creates the pipeline topics. Kafka 0.9 has no CreateTopics API and its TopicCommand has no
/// --if-not-exists, so existing topics are looked up with a metadata request first.
internal static class TopicSetup
{
    public const string OrdersTopic = "ecommerce-orders";
    public const string DeadLetterTopic = "ecommerce-orders-dlq";
    public const int OrdersPartitions = 3;
    public const int DeadLetterPartitions = 1;

    public static async Task EnsureTopicsAsync(StackLayout layout, Distributions dist, string java, DateTimeOffset deadline,
        CancellationToken cancellationToken)
    {
        var broker = layout.KafkaBrokers[0];
        var rf = layout.Topology.ReplicationFactor;
        var wanted = new (string Name, int Partitions, Dictionary<string, string> Configs)[]
        {
            (OrdersTopic, OrdersPartitions, rf >= 3 ? new() { ["min.insync.replicas"] = "2" } : []),
            (DeadLetterTopic, DeadLetterPartitions, []),
        };

        var metadata = await KafkaProbe.GetMetadataAsync(broker.Host, broker.Port, cancellationToken).ConfigureAwait(false);
        var creations = wanted.Where(t => metadata.Topic(t.Name) is null)
            .Select(t => CreateAsync(dist, java, layout.ZooKeeperConnect, t.Name, t.Partitions, rf, t.Configs, cancellationToken));
        await Task.WhenAll(creations).ConfigureAwait(false);

        // Created topics need a moment until the controller has elected leaders for every partition.
        while (true)
        {
            metadata = await KafkaProbe.GetMetadataAsync(broker.Host, broker.Port, cancellationToken).ConfigureAwait(false);
            if (wanted.All(t => metadata.Topic(t.Name)?.IsUsable == true))
            {
                return;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new StackException(StackErrorKind.ServerFailed,
                    $"Topics {OrdersTopic} and {DeadLetterTopic} have no leader for every partition yet on {broker.Endpoint}.");
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task CreateAsync(Distributions dist, string java, string zookeeper, string topic, int partitions, int rf,
        Dictionary<string, string> configs, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo(java)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in JavaCommandLines.TopicCommand(dist, zookeeper, topic, partitions, rf, configs))
        {
            psi.ArgumentList.Add(arg);
        }

        using var process = Process.Start(psi)
            ?? throw new StackException(StackErrorKind.Prerequisite, $"Could not start {java} for kafka.admin.TopicCommand.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        var output = (await stdout.ConfigureAwait(false)) + (await stderr.ConfigureAwait(false));
        // Another `up` may have created it between our metadata check and this command.
        if (process.ExitCode != 0 && !output.Contains("already exists", StringComparison.Ordinal))
        {
            throw new StackException(StackErrorKind.ServerFailed,
                $"Creating topic {topic} with kafka.admin.TopicCommand failed (exit {process.ExitCode}): {output.Trim()}");
        }

        if (output.Contains("Error", StringComparison.Ordinal) && !output.Contains("already exists", StringComparison.Ordinal))
        {
            throw new StackException(StackErrorKind.ServerFailed, $"Creating topic {topic} failed: {output.Trim()}");
        }
    }
}
