using System.Globalization;
using OrderPipeline.Chaos.Framework;
using OrderPipeline.Stack;

namespace OrderPipeline.Chaos.Scenarios.Cluster;

/// The run scenarios 3 and 6 share: node 0 of one server kind is SIGKILLed mid-ingest and held down; the consumer
/// must keep running and orders must keep being stored meanwhile; the node is then restarted and every order
/// must arrive. Node 0 is every client's first contact point (Cassandra) or bootstrap server (Kafka), so the
/// clients lose their first connection too.
internal static class OneServerKill
{
    /// <param name="noun">What one server of <paramref name="kind"/> is called in the checks ("node", "broker").</param>
    /// <param name="flowingCheck">The name of the check that more orders were stored while it was down.</param>
    public static async Task<ScenarioResult> RunAsync(IChaosScenario scenario, ChaosContext context, ServerKind kind, string noun,
        TimeSpan down, string flowingCheck, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var server = string.Create(CultureInfo.InvariantCulture, $"{kind.ToString().ToLowerInvariant()}-0");
        await using var run = await ClusterRun.PrepareAsync(context, cancellationToken);
        await run.StartAndWaitMidIngestAsync(cancellationToken);
        var before = await run.CountStoredAsync(cancellationToken);

        await context.Stack.KillNodeAsync(kind, 0, cancellationToken: cancellationToken);
        context.Log($"{server} killed");
        await Task.Delay(down, cancellationToken);
        // Checked before the count, which may itself wait out read timeouts while the cluster notices the fault.
        run.CheckConsumerAlive($"with one {noun} down");
        var during = await run.CountStoredAsync(cancellationToken);
        run.Checks.Add(ScenarioCheck.That(flowingCheck, during > before,
            $"{before} stored at the kill, {during} after {down.TotalSeconds:0} s with the {noun} down"));

        await context.Stack.StartNodeAsync(kind, 0, cancellationToken);
        context.Log($"{server} restarted");
        var recovery = await run.WaitForAllStoredAsync(cancellationToken);
        return await run.FinishAsync(scenario, recovery, cancellationToken);
    }
}
