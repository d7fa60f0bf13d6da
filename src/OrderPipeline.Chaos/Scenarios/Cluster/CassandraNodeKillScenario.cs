using OrderPipeline.Chaos.Framework;
using OrderPipeline.Stack;

namespace OrderPipeline.Chaos.Scenarios.Cluster;

/// Scenario 3: one of three Cassandra nodes is SIGKILLed mid-ingest. With RF 3, QUORUM needs two replicas, so
/// writes must keep succeeding (the client moves to the live nodes); the node is then restarted. Node 0 is the
/// consumer's first contact point, so its control connection dies too.
public sealed class CassandraNodeKillScenario : IChaosScenario
{
    private static readonly TimeSpan Down = TimeSpan.FromSeconds(10);

    public int Number => 3;

    public string Name => "cassandra-node-kill";

    public string Description => "SIGKILL 1 of 3 Cassandra nodes mid-ingest (QUORUM keeps working), then restart it";

    public StackTopology? Topology => ChaosTopologies.Cluster;

    public Task<ScenarioResult> RunAsync(ChaosContext context, CancellationToken cancellationToken) =>
        OneServerKill.RunAsync(this, context, ServerKind.Cassandra, "node", Down,
            "writes went on at QUORUM with one node down", cancellationToken);
}
