using OrderPipeline.Chaos.Framework;
using OrderPipeline.Stack;

namespace OrderPipeline.Chaos.Scenarios.Cluster;

/// Scenario 6: one of three Kafka brokers is SIGKILLed while the producer is still sending and the consumer is
/// reading. The topic has 3 replicas with min.insync.replicas 2 and the producer uses acks=all with retries,
/// so the partitions it led get new leaders and nothing acknowledged is lost; the consumer follows the new
/// leaders (and the group coordinator, if it moved). The broker is then restarted.
public sealed class KafkaBrokerKillScenario : IChaosScenario
{
    private static readonly TimeSpan Down = TimeSpan.FromSeconds(15);

    public int Number => 6;

    public string Name => "kafka-broker-kill";

    public string Description => "SIGKILL 1 of 3 Kafka brokers mid-produce and mid-consume (leaders move, nothing lost), then restart it";

    public StackTopology? Topology => ChaosTopologies.Cluster;

    public async Task<ScenarioResult> RunAsync(ChaosContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var run = await ClusterRun.PrepareAsync(context, cancellationToken);
        await run.StartAndWaitMidIngestAsync(cancellationToken);
        var before = await run.CountStoredAsync(cancellationToken);

        // Broker 0 is every client's first bootstrap server; with 3 partitions on 3 brokers it leads one of them.
        await context.Stack.KillNodeAsync(ServerKind.Kafka, 0, cancellationToken: cancellationToken);
        context.Log("kafka-0 killed");
        await Task.Delay(Down, cancellationToken);
        // Checked before the count, which may itself wait out read timeouts while the cluster notices the fault.
        run.CheckConsumerAlive("with one broker down");
        var during = await run.CountStoredAsync(cancellationToken);
        run.Checks.Add(ScenarioCheck.That("orders kept flowing with one broker down", during > before,
            $"{before} stored at the kill, {during} after {Down.TotalSeconds:0} s with the broker down"));

        await context.Stack.StartNodeAsync(ServerKind.Kafka, 0, cancellationToken);
        context.Log("kafka-0 restarted");
        var recovery = await run.WaitForAllStoredAsync(cancellationToken);
        return await run.FinishAsync(this, recovery, cancellationToken);
    }
}
