using OrderPipeline.Chaos.Framework;
using Xunit.Abstractions;

namespace OrderPipeline.Chaos.Tests;

/// Runs one scenario the way `chaos` does and asserts its verdict, with the failed checks in the message.
internal static class ChaosTestHarness
{
    public static ChaosOptions Options(int rows, string subnet) => ChaosOptions.Defaults(subnet, rows) with
    {
        WorkDirectory = Path.Combine(Path.GetTempPath(), $"orderpipeline-chaos-tests-{Environment.ProcessId}"),
    };

    public static async Task<ScenarioResult> RunAndAssertPassAsync(IChaosScenario scenario, ChaosStack? stack, int rows,
        ITestOutputHelper output, CancellationToken cancellationToken = default)
    {
        var subnet = stack?.Stack.Options.Subnet ?? ChaosOptions.DefaultSubnet;
        var runner = new ChaosRunner(Options(rows, subnet), output.WriteLine);
        var result = await runner.RunScenarioAsync(scenario, stack, cancellationToken);
        foreach (var check in result.Checks)
        {
            output.WriteLine(check.ToString());
        }

        Assert.True(result.Verdict == ChaosVerdict.Pass,
            $"{scenario.Number} {scenario.Name} failed: {string.Join("; ", result.Failures.DefaultIfEmpty("no checks were made"))}");
        return result;
    }
}
