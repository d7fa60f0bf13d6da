using System.Diagnostics;
using System.Globalization;
using System.Net;
using OrderPipeline.Chaos.Framework;
using OrderPipeline.Chaos.Garbage;
using OrderPipeline.Cql;
using OrderPipeline.Stack;

namespace OrderPipeline.Chaos.Scenarios;

/// Scenario 10: our CQL client against a server that answers with garbage (random bytes, truncated frames,
/// wrong stream ids, huge and negative length fields, silence). Each attempt must end in a CqlException that
/// names the host, within a bound (no hang), without allocating anything near an announced frame size.
public sealed class CqlGarbageScenario : IChaosScenario
{
    /// Far above the client's own timeouts below: reaching it means the client hung.
    public static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(20);

    /// Allocation allowed per attempt (process-wide, so it includes the scenario's own bookkeeping).
    public const long AllocationLimitBytes = 32L * 1024 * 1024;

    public int Number => 10;

    public string Name => "cql-garbage";

    public string Description => "CQL client fed garbage by a fake server: a clear exception every time, no hang, bounded allocation";

    public StackTopology? Topology => null;

    public async Task<ScenarioResult> RunAsync(ChaosContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var clock = Stopwatch.StartNew();
        var checks = new List<ScenarioCheck>();
        foreach (var mode in Enum.GetValues<GarbageMode>())
        {
            var outcome = await AttemptAsync(mode, cancellationToken);
            context.Log($"{mode}: {outcome.Detail}");
            checks.Add(ScenarioCheck.That(mode.ToString(), outcome.Passed, outcome.Detail));
        }

        return new ScenarioResult { Number = Number, Name = Name, Elapsed = clock.Elapsed, Checks = checks };
    }

    internal static async Task<(bool Passed, string Detail)> AttemptAsync(GarbageMode mode, CancellationToken cancellationToken)
    {
        await using var server = new GarbageCqlServer(mode, IPAddress.Loopback);
        var endpoint = server.EndPoint;
        var options = new CqlSessionOptions
        {
            ContactPoints = [string.Create(CultureInfo.InvariantCulture, $"{endpoint.Address}:{endpoint.Port}")],
            ConnectTimeout = TimeSpan.FromSeconds(2),
            RequestTimeout = TimeSpan.FromSeconds(3),
        };
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var attempt = CqlSession.ConnectAsync(options, null, abandon.Token);
        var finished = await Task.WhenAny(attempt, Task.Delay(HangLimit, cancellationToken)) == attempt;
        var elapsed = clock.Elapsed;
        if (!finished)
        {
            await abandon.CancelAsync();
            _ = attempt.ContinueWith(t => t.Exception, TaskScheduler.Default);
            return (false, $"no answer after {HangLimit.TotalSeconds:0} s: the client hung");
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var mb = (allocated / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture);
        if (attempt.IsCompletedSuccessfully)
        {
            await attempt.Result.DisposeAsync();
            return (false, $"connected to a garbage server ({server.Connections} connection(s))");
        }

        var error = attempt.Exception?.GetBaseException();
        var clear = error is CqlException && !string.IsNullOrWhiteSpace(error.Message)
            && error.Message.Contains(endpoint.Port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var bounded = allocated < AllocationLimitBytes;
        var detail = $"{error?.GetType().Name} after {elapsed.TotalSeconds:0.0} s, {mb} MB allocated: {Shorten(error?.Message)}";
        return (clear && bounded, detail);
    }

    private static string Shorten(string? message) =>
        message is null ? "(no message)" : message.Length <= 300 ? message : message[..300] + "...";
}
