using OrderPipeline.Consumer.Verification;
using OrderPipeline.Orders;
using OrderPipeline.Orders.DeadLetters;

namespace OrderPipeline.Chaos.Framework;

/// The independent check of one scenario: every input file read with the producer's cleaning rules, the whole
/// orders table scanned at QUORUM, and the dead-letter topic read back. None of it comes from the pipeline's
/// counters.
/// <param name="RowsRead">CSV data rows of the input files.</param>
/// <param name="Rejected">Rows the cleaning rejects (never sent).</param>
/// <param name="DeadLettersOfValidOrders">Dead letters whose key is the key of an expected (valid) order:
/// an order that was stored and also dead-lettered, or dead-lettered instead of stored.</param>
public sealed record ChaosReconciliation(
    long RowsRead,
    long Rejected,
    ReconciliationResult Table,
    IReadOnlyList<DeadLetterEnvelope> DeadLetters,
    long DeadLettersOfValidOrders)
{
    /// Expected orders with no row.
    public long Lost => Table.Missing;

    /// A second row for one order id, plus valid orders that (also) went to the dead-letter topic.
    public long Duplicated => Table.Duplicated + DeadLettersOfValidOrders;

    /// Rows that match an expected order exactly.
    public long Stored => Table.Matched;

    /// The checks every pipeline scenario makes beyond lost/duplicated: no row with wrong values, no row
    /// that is not in the input.
    public IEnumerable<ScenarioCheck> TableChecks()
    {
        yield return ScenarioCheck.That("every stored row equals its input order", Table.Mismatched == 0,
            $"{Table.Mismatched} mismatched{First("mismatched")}");
        yield return ScenarioCheck.That("no row that is not in the input", Table.Unexpected == 0,
            $"{Table.Unexpected} unexpected{First("unexpected")}");
        yield return ScenarioCheck.That("every expected order stored", Table.Missing == 0 && Table.Matched == Table.Expected,
            $"{Table.Matched}/{Table.Expected} matched{First("missing")}");
    }

    /// The table row for a scenario, with its own checks added to <see cref="TableChecks"/>.
    public ScenarioResult ToResult(IChaosScenario scenario, long ordersIn, TimeSpan? timeToRecover, TimeSpan elapsed,
        IEnumerable<ScenarioCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return new ScenarioResult
        {
            Number = scenario.Number,
            Name = scenario.Name,
            OrdersIn = ordersIn,
            Stored = Stored,
            DeadLettered = DeadLetters.Count,
            Rejected = Rejected,
            Lost = Lost,
            Duplicated = Duplicated,
            TimeToRecover = timeToRecover,
            Elapsed = elapsed,
            Checks = [.. TableChecks(), .. checks],
        };
    }

    private string First(string kind) =>
        Table.FirstDifferences.FirstOrDefault(d => d.Kind == kind) is { } d ? $" (e.g. {d.OrderId:N}: {d.Detail})" : "";
}
