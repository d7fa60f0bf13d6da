using OrderPipeline.Chaos.Framework;
using OrderPipeline.Stack;

namespace OrderPipeline.Chaos.Scenarios.Cluster;

/// Scenario 4: two of three Cassandra nodes are SIGKILLed, so every QUORUM write fails with Unavailable. The
/// consumer must pause its partitions, keep retrying without committing past unwritten messages and without
/// exiting, and resume on its own as soon as one node returns (QUORUM is possible again).
public sealed class CassandraQuorumLossScenario : IChaosScenario
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Down = TimeSpan.FromSeconds(20);

    public int Number => 4;

    public string Name => "cassandra-quorum-loss";

    public string Description => "SIGKILL 2 of 3 Cassandra nodes: writes Unavailable, consumer pauses without committing, resumes when one returns";

    public StackTopology? Topology => ChaosTopologies.Cluster;

    public async Task<ScenarioResult> RunAsync(ChaosContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var run = await ClusterRun.PrepareAsync(context, cancellationToken);
        await run.StartAndWaitMidIngestAsync(cancellationToken);

        await context.Stack.KillNodeAsync(ServerKind.Cassandra, 1, cancellationToken: cancellationToken);
        await context.Stack.KillNodeAsync(ServerKind.Cassandra, 2, cancellationToken: cancellationToken);
        context.Log("cassandra-1 and cassandra-2 killed");

        // Writes already acknowledged may still be committed during the first moments; after that the committed
        // offsets must stand still for as long as no write can succeed.
        await Task.Delay(Settle, cancellationToken);
        var committedEarly = await context.CommittedOffsetsAsync(run.Names, cancellationToken);
        await Task.Delay(Down - Settle, cancellationToken);
        var committedLate = await context.CommittedOffsetsAsync(run.Names, cancellationToken);
        run.Checks.Add(ScenarioCheck.That("no offset committed while QUORUM was impossible", committedLate == committedEarly,
            $"committed offsets summed {committedEarly} after {Settle.TotalSeconds:0} s and {committedLate} after {Down.TotalSeconds:0} s of the outage"));
        run.CheckConsumerPaused();
        run.CheckConsumerAlive("while writes failed");

        await context.Stack.StartNodeAsync(ServerKind.Cassandra, 1, cancellationToken);
        context.Log("cassandra-1 restarted (2 of 3 up: QUORUM possible again)");
        var recovery = await run.WaitForAllStoredAsync(cancellationToken);

        await context.Stack.StartNodeAsync(ServerKind.Cassandra, 2, cancellationToken);
        context.Log("cassandra-2 restarted");
        return await run.FinishAsync(this, recovery, cancellationToken);
    }
}
