namespace OrderPipeline.Chaos.Scenarios;

/// Bounds for the waits in the single-node scenarios: generous for a loaded 2-core machine, but finite so a
/// hang fails the scenario instead of the run.
internal static class ScenarioTimeouts
{
    /// A child process (produce, a draining consume) to finish.
    public static readonly TimeSpan Process = TimeSpan.FromSeconds(180);

    /// The orders table to reach a count.
    public static readonly TimeSpan Stored = TimeSpan.FromSeconds(180);

    /// A consumer to stop after SIGTERM.
    public static readonly TimeSpan Stop = TimeSpan.FromSeconds(60);

    /// Paced producers send the input over about this long, so kills land mid-run.
    public static readonly TimeSpan PacedProduce = TimeSpan.FromSeconds(10);

    public static double PaceFor(long rows, TimeSpan? over = null) => Math.Max(50, rows / (over ?? PacedProduce).TotalSeconds);
}
