using System.Diagnostics;
using OrderPipeline.Stack;

namespace OrderPipeline.Chaos.Framework;

/// Runs scenarios grouped by topology: one stack per topology (started once, shared by its scenarios, always
/// stopped and wiped afterwards, also on failure or cancellation), scenarios without servers first. A scenario
/// that throws becomes a failed row; the run goes on with the next one.
public sealed class ChaosRunner(ChaosOptions options, Action<string> log)
{
    /// Called when a scenario finished, e.g. to print its row at once.
    public Action<ScenarioResult>? OnResult { get; init; }

    public async Task<IReadOnlyList<ScenarioResult>> RunAsync(IReadOnlyList<IChaosScenario> scenarios, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        Directory.CreateDirectory(options.WorkDirectory);
        var results = new List<ScenarioResult>();
        var groups = scenarios
            .GroupBy(s => s.Topology)
            .OrderBy(g => g.Key is null ? 0 : g.Key.KafkaBrokers + g.Key.CassandraNodes);
        foreach (var group in groups)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await RunGroupAsync(group.Key, [.. group.OrderBy(s => s.Number)], results, cancellationToken);
        }

        return [.. results.OrderBy(r => r.Number)];
    }

    private async Task RunGroupAsync(StackTopology? topology, IReadOnlyList<IChaosScenario> scenarios, List<ScenarioResult> results,
        CancellationToken cancellationToken)
    {
        ChaosStack? stack = null;
        try
        {
            if (topology is not null)
            {
                var clock = Stopwatch.StartNew();
                log($"starting a {topology} stack on {options.Subnet}.x ...");
                try
                {
                    stack = await ChaosStack.StartAsync(options, topology, cancellationToken);
                }
                catch (Exception ex) when (ex is StackException or IOException or InvalidOperationException)
                {
                    results.AddRange(scenarios.Select(s => ScenarioResult.Failed(s, $"the {topology} stack did not start: {ex.Message}", TimeSpan.Zero)));
                    return;
                }

                log($"stack up in {clock.Elapsed.TotalSeconds:0} s");
            }

            foreach (var scenario in scenarios)
            {
                var result = await RunScenarioAsync(scenario, stack, cancellationToken);
                results.Add(result);
                OnResult?.Invoke(result);
            }
        }
        finally
        {
            if (stack is not null)
            {
                log($"stopping the {topology} stack ...");
                await stack.StopAsync();
            }
        }
    }

    /// Runs one scenario on a given stack (null for a scenario without servers) and never throws for a
    /// scenario failure: tests use it with a stack their fixture attached.
    public async Task<ScenarioResult> RunScenarioAsync(IChaosScenario scenario, ChaosStack? stack, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        Directory.CreateDirectory(options.WorkDirectory);
        var clock = Stopwatch.StartNew();
        log($"[{scenario.Number}] {scenario.Name}: {scenario.Description}");
        var context = new ChaosContext(scenario, options, stack, log);
        try
        {
            var result = await scenario.RunAsync(context, cancellationToken);
            return result with { Elapsed = clock.Elapsed };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any failure of one scenario is reported in its row; the others still run.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            log($"[{scenario.Number}] failed: {ex}");
            return ScenarioResult.Failed(scenario, $"{ex.GetType().Name}: {ex.Message}", clock.Elapsed);
        }
        finally
        {
            await context.DisposeAsync();
        }
    }
}
