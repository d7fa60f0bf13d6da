using OrderPipeline.Chaos.Framework;
using OrderPipeline.Stack;

namespace OrderPipeline.Chaos.Scenarios.Cluster;

/// Scenario 3: one of three Cassandra nodes is SIGKILLed mid-ingest. With RF 3, QUORUM needs two replicas, so
/// writes must keep succeeding (the client moves to the live nodes); the node is then restarted.
public sealed class CassandraNodeKillScenario : IChaosScenario
{
    private static readonly TimeSpan Down = TimeSpan.FromSeconds(10);

    public int Number => 3;

    public string Name => "cassandra-node-kill";

    public string Description => "SIGKILL 1 of 3 Cassandra nodes mid-ingest (QUORUM keeps working), then restart it";

    public StackTopology? Topology => ChaosTopologies.Cluster;

    public async Task<ScenarioResult> RunAsync(ChaosContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var run = await ClusterRun.PrepareAsync(context, cancellationToken);
        await run.StartAndWaitMidIngestAsync(cancellationToken);
        var before = await run.CountStoredAsync(cancellationToken);

        // Node 0 is the consumer's first contact point, so its control connection dies too.
        await context.Stack.KillNodeAsync(ServerKind.Cassandra, 0, cancellationToken: cancellationToken);
        context.Log("cassandra-0 killed");
        await Task.Delay(Down, cancellationToken);
        // Checked before the count, which may itself wait out read timeouts while the cluster notices the fault.
        run.CheckConsumerAlive("with one node down");
        var during = await run.CountStoredAsync(cancellationToken);
        run.Checks.Add(ScenarioCheck.That("writes went on at QUORUM with one node down", during > before,
            $"{before} stored at the kill, {during} after {Down.TotalSeconds:0} s with the node down"));

        await context.Stack.StartNodeAsync(ServerKind.Cassandra, 0, cancellationToken);
        context.Log("cassandra-0 restarted");
        var recovery = await run.WaitForAllStoredAsync(cancellationToken);
        return await run.FinishAsync(this, recovery, cancellationToken);
    }
}
