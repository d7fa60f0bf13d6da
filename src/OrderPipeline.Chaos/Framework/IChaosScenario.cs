using OrderPipeline.Stack;

namespace OrderPipeline.Chaos.Framework;

/// One fault scenario of `orderpipeline chaos`: it runs against the stack its <see cref="Topology"/> asks for
/// (started by the runner, shared with the other scenarios of the same topology) and returns one table row.
/// Add a scenario by writing a class and one line in <see cref="ScenarioRegistry"/>.
public interface IChaosScenario
{
    /// The number of the scenario in issue #6 (1..10); the table's order.
    int Number { get; }

    /// Short kebab-case name, accepted by --scenario (e.g. "consumer-kill").
    string Name { get; }

    /// One line saying what is broken and what must hold.
    string Description { get; }

    /// The servers it needs (<see cref="ChaosTopologies"/>), or null when it needs none (e.g. a fake server).
    StackTopology? Topology { get; }

    /// Runs the scenario. Infrastructure errors may throw: the runner turns them into a failed row. Faults the
    /// scenario injects (killed processes, stopped nodes) must be undone before it returns, so the next scenario
    /// on the same stack starts from a healthy stack.
    Task<ScenarioResult> RunAsync(ChaosContext context, CancellationToken cancellationToken);
}
