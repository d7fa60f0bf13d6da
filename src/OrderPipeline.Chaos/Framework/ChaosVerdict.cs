namespace OrderPipeline.Chaos.Framework;

public enum ChaosVerdict
{
    Pass,
    Fail,
}

/// The one rule for a verdict, so the table, the exit code and the tests agree.
public static class ChaosVerdicts
{
    /// Pass only when the scenario ran to the end, nothing was lost or duplicated, it made at least one check,
    /// and every check held. A scenario without checks proves nothing, so it fails.
    public static ChaosVerdict Decide(ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var passed = result.Error is null
            && result.Lost is null or 0
            && result.Duplicated is null or 0
            && result.Checks.Count > 0
            && result.Checks.All(c => c.Passed);
        return passed ? ChaosVerdict.Pass : ChaosVerdict.Fail;
    }

    /// The exit code of `chaos`: 0 when every row passed (and there was at least one), else 1.
    public static int ExitCode(IReadOnlyCollection<ScenarioResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return results.Count > 0 && results.All(r => r.Verdict == ChaosVerdict.Pass) ? 0 : 1;
    }
}
