using System.Diagnostics;
using OrderPipeline.Chaos.Framework;
using OrderPipeline.Stack;

namespace OrderPipeline.Chaos.Scenarios;

/// Scenario 2: `produce` is SIGKILLed mid-run and run again on the same file. The second run re-sends orders
/// the first one already delivered; the consumer's upserts (same primary key, same values) make that harmless.
public sealed class ProducerKillScenario : IChaosScenario
{
    public int Number => 2;

    public string Name => "producer-kill";

    public string Description => "produce SIGKILLed mid-run, then re-run on the same file; upserts make the re-sent orders harmless";

    public StackTopology? Topology => ChaosTopologies.OneNode;

    public async Task<ScenarioResult> RunAsync(ChaosContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var run = await KillRun.PrepareAsync(context, cancellationToken);
        var (names, csv, expected) = (run.Names, run.Csv, run.Expected);

        await using var consumer = context.Cli.StartConsume(names);
        long storedAtKill;
        CliExitSummary killed;
        await using (var first = context.Cli.StartProduce(names, csv, ScenarioTimeouts.PaceFor(expected)))
        {
            await context.WaitForStoredAsync(names, expected / 2, ScenarioTimeouts.Stored, cancellationToken);
            await first.KillAsync(cancellationToken);
            var exit = await first.WaitAsync(ScenarioTimeouts.Stop, cancellationToken);
            killed = new CliExitSummary(exit.ExitCode, exit.Killed);
            storedAtKill = await context.CountStoredAsync(names, cancellationToken);
            context.Log($"produce SIGKILLed (pid {first.Pid}) with {storedAtKill} of {expected} orders stored");
        }

        var restarted = Stopwatch.StartNew();
        await using var second = context.Cli.StartProduce(names, csv);
        var rerun = await second.WaitAsync(ScenarioTimeouts.Process, cancellationToken);
        return await run.FinishAsync(this, consumer, restarted,
        [
            ScenarioCheck.That("the kill landed mid-run", killed.Killed && storedAtKill > 0 && storedAtKill < expected,
                $"exit {killed.ExitCode}, {storedAtKill} of {expected} stored at the kill"),
            ScenarioCheck.That("the re-run on the same file finished", rerun.ExitCode == 0, $"exit {rerun.ExitCode}"),
        ], "the consumer drained the topic (both runs) and stopped cleanly", cancellationToken);
    }

    private readonly record struct CliExitSummary(int ExitCode, bool Killed);
}
