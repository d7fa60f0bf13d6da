namespace OrderPipeline.Chaos.Framework;

/// One assertion a scenario made, with what it saw.
public sealed record ScenarioCheck(string Name, bool Passed, string Detail)
{
    public static ScenarioCheck That(string name, bool passed, string detail) => new(name, passed, detail);

    public override string ToString() => $"{(Passed ? "ok" : "FAILED")} {Name}: {Detail}";
}

/// One row of the chaos table. Counts are null where they do not apply (shown as "-"). "Lost" and
/// "Duplicated" come from the independent reconciliation of the input against Cassandra
/// (<see cref="ChaosContext.ReconcileAsync"/>), never from the pipeline's own counters.
public sealed record ScenarioResult
{
    public required int Number { get; init; }

    public required string Name { get; init; }

    /// Input records: CSV data rows, plus raw messages a scenario wrote to the topic itself.
    public long? OrdersIn { get; init; }

    /// Rows found in the orders table that match an expected order.
    public long? Stored { get; init; }

    /// Entries read back from the dead-letter topic.
    public long? DeadLettered { get; init; }

    /// CSV rows the cleaning rejected (written to the rejects file, never sent).
    public long? Rejected { get; init; }

    /// Expected orders with no row in Cassandra.
    public long? Lost { get; init; }

    /// Extra rows for an order (a second row for the same order id) plus dead letters of valid orders.
    public long? Duplicated { get; init; }

    /// From the end of the fault (restart) until every expected order was stored; null when not measured.
    public TimeSpan? TimeToRecover { get; init; }

    public TimeSpan Elapsed { get; init; }

    public IReadOnlyList<ScenarioCheck> Checks { get; init; } = [];

    /// Set when the scenario could not run to the end (an exception); always a failure.
    public string? Error { get; init; }

    public ChaosVerdict Verdict => ChaosVerdicts.Decide(this);

    /// The failed checks and the error, for the lines under the table.
    public IEnumerable<string> Failures =>
        (Error is null ? [] : new[] { $"error: {Error}" })
            .Concat(Lost is > 0 ? [$"lost {Lost} order(s)"] : [])
            .Concat(Duplicated is > 0 ? [$"duplicated {Duplicated} order(s)"] : [])
            .Concat(Checks.Where(c => !c.Passed).Select(c => c.ToString()));

    public static ScenarioResult Failed(IChaosScenario scenario, string error, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return new ScenarioResult { Number = scenario.Number, Name = scenario.Name, Error = error, Elapsed = elapsed };
    }
}
