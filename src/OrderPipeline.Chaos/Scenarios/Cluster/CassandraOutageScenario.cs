using System.Diagnostics;
using OrderPipeline.Chaos.Framework;
using OrderPipeline.Stack;

namespace OrderPipeline.Chaos.Scenarios.Cluster;

/// Scenario 5: the whole Cassandra cluster is stopped for 30 s mid-run, then started again. The consumer must
/// ride it out (paused, retrying, not exiting) and finish once the cluster is back.
/// <remarks>
/// The nodes are stopped with SIGTERM (Cassandra drains its commit log on the way down). SIGKILL of all three
/// replicas at once is a different failure: with the stack's commitlog_sync: periodic (10 s), a node fsyncs its
/// commit log only every 10 s and on restart replays only the synced part, so writes acknowledged in the last
/// seconds before such a crash can be gone from every replica (observed: 464 of 40,000; docs/chaos.md).
/// </remarks>
public sealed class CassandraOutageScenario : IChaosScenario
{
    private static readonly TimeSpan Down = TimeSpan.FromSeconds(30);

    public int Number => 5;

    public string Name => "cassandra-outage";

    public string Description => "stop all 3 Cassandra nodes for 30 s mid-run, then start them again";

    public StackTopology? Topology => ChaosTopologies.Cluster;

    public async Task<ScenarioResult> RunAsync(ChaosContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var run = await ClusterRun.PrepareAsync(context, cancellationToken);
        await run.StartAndWaitMidIngestAsync(cancellationToken);

        for (var node = 0; node < 3; node++)
        {
            await context.Stack.StopNodeAsync(ServerKind.Cassandra, node, cancellationToken);
        }

        var outage = Stopwatch.StartNew();
        context.Log("all Cassandra nodes stopped");
        await Task.Delay(Down, cancellationToken);
        run.CheckConsumerPaused();
        run.CheckConsumerAlive($"through {Down.TotalSeconds:0} s without Cassandra");

        for (var node = 0; node < 3; node++)
        {
            await context.Stack.StartNodeAsync(ServerKind.Cassandra, node, cancellationToken);
        }

        context.Log($"Cassandra back after {outage.Elapsed.TotalSeconds:0} s");
        var recovery = await run.WaitForAllStoredAsync(cancellationToken);
        return await run.FinishAsync(this, recovery, cancellationToken);
    }
}
