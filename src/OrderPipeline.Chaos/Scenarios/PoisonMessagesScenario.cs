using System.Diagnostics;
using System.Text;
using OrderPipeline.Chaos.Framework;
using OrderPipeline.Orders;
using OrderPipeline.Orders.Csv;
using OrderPipeline.Producer;
using OrderPipeline.Stack;

namespace OrderPipeline.Chaos.Scenarios;

/// Scenario 8: poison messages (not JSON, truncated JSON, wrong types, missing fields, unknown status, bad ids,
/// bad timestamps, a 900 KB message) interleaved with valid orders in one topic. The consumer must dead-letter
/// each with the right reason, store every valid order, and keep running. The dead-letter topic is read back.
public sealed class PoisonMessagesScenario : IChaosScenario
{
    public int Number => 8;

    public string Name => "poison-messages";

    public string Description => "poison messages interleaved with valid orders: each in the DLQ with its reason, every valid order stored";

    public StackTopology? Topology => ChaosTopologies.OneNode;

    public async Task<ScenarioResult> RunAsync(ChaosContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var clock = Stopwatch.StartNew();
        var names = await context.CreatePipelineAsync("poison", cancellationToken);
        var csv = context.GenerateOrders();
        var orders = OrderFile.ReadCleaned(csv, new CleaningSummary(), cancellationToken).Select(r => r.Order).OfType<Order>().ToList();
        var poison = PoisonMessages.All();

        // Valid orders encoded exactly as `produce` encodes them, with one poison message every few orders.
        var every = Math.Max(1, orders.Count / (poison.Count + 1));
        var stream = new List<(byte[]? Key, byte[]? Value)>();
        for (var i = 0; i < orders.Count; i++)
        {
            stream.Add((OrderMessageEncoding.Key(orders[i]), OrderMessageEncoding.Value(orders[i])));
            if ((i + 1) % every == 0 && (i + 1) / every <= poison.Count)
            {
                var p = poison[((i + 1) / every) - 1];
                stream.Add((p.Key, p.Value));
            }
        }

        await context.ProduceRawAsync(names.Topic, stream, cancellationToken);
        context.Log($"{orders.Count} orders and {poison.Count} poison messages interleaved in {names.Topic}");

        await using var consumer = context.Cli.StartConsume(names);
        await context.WaitForDrainedAsync(names, ScenarioTimeouts.Stored, cancellationToken);
        var aliveAfterPoison = !consumer.HasExited;
        var stopped = await consumer.StopAsync(ScenarioTimeouts.Stop, cancellationToken);

        var reconciliation = await context.ReconcileAsync(names, csv, cancellationToken);
        var byKey = reconciliation.DeadLetters
            .GroupBy(d => d.OriginalKey() is { } k ? Encoding.UTF8.GetString(k) : "")
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var wrong = new List<string>();
        foreach (var p in poison)
        {
            var entries = byKey.GetValueOrDefault(p.KeyText) ?? [];
            if (entries.Count != 1 || entries[0].Reason != p.ExpectedReason.ToString() || string.IsNullOrWhiteSpace(entries[0].Detail))
            {
                wrong.Add($"{p.Name}: {entries.Count} entries, reason {string.Join('/', entries.Select(e => e.Reason))}, expected {p.ExpectedReason}");
            }
        }

        var huge = byKey.GetValueOrDefault(poison[^1].KeyText)?.FirstOrDefault();
        return reconciliation.ToResult(this, orders.Count + poison.Count, null, clock.Elapsed,
        [
            ScenarioCheck.That($"each of the {poison.Count} poison messages dead-lettered once with its reason and a detail",
                wrong.Count == 0, wrong.Count == 0 ? "all matched" : string.Join("; ", wrong)),
            ScenarioCheck.That("nothing else in the DLQ", reconciliation.DeadLetters.Count == poison.Count,
                $"{reconciliation.DeadLetters.Count} dead letters for {poison.Count} poison messages"),
            ScenarioCheck.That("the huge message's dead letter keeps a bounded prefix and says so",
                huge?.OriginalValue() is { Length: > 0 and < PoisonMessages.HugeBytes } && huge.Detail.Contains("truncated", StringComparison.Ordinal),
                huge is null ? "no dead letter" : $"{huge.OriginalValue()?.Length ?? 0} bytes kept; {huge.Detail}"),
            ScenarioCheck.That("the consumer kept running through the poison and stopped cleanly", aliveAfterPoison && stopped.ExitCode == 0,
                $"alive after draining: {aliveAfterPoison}, exit {stopped.ExitCode}"),
        ]);
    }
}
