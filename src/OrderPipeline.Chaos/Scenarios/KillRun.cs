using System.Diagnostics;
using OrderPipeline.Chaos.Framework;
using OrderPipeline.Chaos.Processes;
using OrderPipeline.Orders.Csv;

namespace OrderPipeline.Chaos.Scenarios;

/// What the process-kill scenarios 1 and 2 share: a "kill" pipeline with a generated input, and the ending once
/// the killed process was replaced (every order stored, the topic drained, the consumer stopped, then the
/// reconciliation decides).
internal sealed class KillRun(ChaosContext context, Stopwatch clock, PipelineNames names, string csv, long expected)
{
    public PipelineNames Names => names;

    public string Csv => csv;

    /// The distinct order ids of <see cref="Csv"/>: the rows the table must end with.
    public long Expected => expected;

    public static async Task<KillRun> PrepareAsync(ChaosContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var clock = Stopwatch.StartNew();
        var names = await context.CreatePipelineAsync("kill", cancellationToken);
        var csv = context.GenerateOrders();
        return new KillRun(context, clock, names, csv, OrderFile.Scan(csv, cancellationToken).DistinctIds);
    }

    /// Waits until every order is stored (the time to recover counts from <paramref name="restarted"/>) and the
    /// topic is drained, stops <paramref name="consumer"/>, reconciles, and builds the row: the scenario's
    /// <paramref name="checks"/>, then <paramref name="stoppedCheck"/> (the consumer stopped cleanly).
    public async Task<ScenarioResult> FinishAsync(IChaosScenario scenario, CliProcess consumer, Stopwatch restarted,
        IEnumerable<ScenarioCheck> checks, string stoppedCheck, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        ArgumentNullException.ThrowIfNull(restarted);
        await context.WaitForStoredAsync(Names, Expected, ScenarioTimeouts.Stored, cancellationToken);
        var recovered = restarted.Elapsed;
        await context.WaitForDrainedAsync(Names, ScenarioTimeouts.Stored, cancellationToken);
        var stopped = await consumer.StopAsync(ScenarioTimeouts.Stop, cancellationToken);

        var reconciliation = await context.ReconcileAsync(Names, Csv, cancellationToken);
        return reconciliation.ToResult(scenario, reconciliation.RowsRead, recovered, clock.Elapsed,
            [.. checks, ScenarioCheck.That(stoppedCheck, stopped.ExitCode == 0, $"exit {stopped.ExitCode}")]);
    }
}
