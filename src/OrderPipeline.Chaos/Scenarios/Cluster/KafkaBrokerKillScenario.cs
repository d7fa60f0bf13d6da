using OrderPipeline.Chaos.Framework;
using OrderPipeline.Stack;

namespace OrderPipeline.Chaos.Scenarios.Cluster;

/// Scenario 6: one of three Kafka brokers is SIGKILLed while the producer is still sending and the consumer is
/// reading. The topic has 3 replicas with min.insync.replicas 2 and the producer uses acks=all with retries,
/// so the partitions it led get new leaders and nothing acknowledged is lost; the consumer follows the new
/// leaders (and the group coordinator, if it moved). The broker is then restarted. Broker 0 is every client's
/// first bootstrap server; with 3 partitions on 3 brokers it leads one of them.
public sealed class KafkaBrokerKillScenario : IChaosScenario
{
    private static readonly TimeSpan Down = TimeSpan.FromSeconds(15);

    public int Number => 6;

    public string Name => "kafka-broker-kill";

    public string Description => "SIGKILL 1 of 3 Kafka brokers mid-produce and mid-consume (leaders move, nothing lost), then restart it";

    public StackTopology? Topology => ChaosTopologies.Cluster;

    public Task<ScenarioResult> RunAsync(ChaosContext context, CancellationToken cancellationToken) =>
        OneServerKill.RunAsync(this, context, ServerKind.Kafka, "broker", Down,
            "orders kept flowing with one broker down", cancellationToken);
}
