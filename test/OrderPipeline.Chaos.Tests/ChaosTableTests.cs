using OrderPipeline.Chaos.Framework;
using OrderPipeline.Chaos.Reporting;
using Spectre.Console.Testing;

namespace OrderPipeline.Chaos.Tests;

public class ChaosTableTests
{
    private static readonly ScenarioResult Passed = new()
    {
        Number = 2,
        Name = "producer-kill",
        OrdersIn = 5000,
        Stored = 4990,
        DeadLettered = 0,
        Rejected = 10,
        Lost = 0,
        Duplicated = 0,
        TimeToRecover = TimeSpan.FromSeconds(3.25),
        Checks = [ScenarioCheck.That("re-run exits 0", true, "exit 0")],
    };

    private static readonly ScenarioResult Failed = new()
    {
        Number = 10,
        Name = "cql-garbage",
        Checks = [ScenarioCheck.That("no hang", false, "request still pending after 10 s")],
    };

    [Fact]
    public void Cells_ShowCountsTimeAndVerdict()
    {
        Assert.Equal(
            ["2", "producer-kill", "5,000", "4,990", "0", "10", "0", "0", "3.3 s", "PASS"],
            ChaosTable.Cells(Passed));
    }

    [Fact]
    public void Cells_ShowDash_When_ACountDoesNotApply()
    {
        var cells = ChaosTable.Cells(Failed);
        Assert.Equal(["10", "cql-garbage", "-", "-", "-", "-", "-", "-", "-", "FAIL"], cells);
    }

    [Fact]
    public void Render_PrintsEveryHeaderEveryRowAndTheFailedChecks()
    {
        var console = new TestConsole().Width(200);
        ChaosTable.Render(console, [Passed, Failed]);
        var output = console.Output;
        Assert.All(ChaosTable.Headers, h => Assert.Contains(h, output, StringComparison.Ordinal));
        Assert.Contains("producer-kill", output, StringComparison.Ordinal);
        Assert.Contains("PASS", output, StringComparison.Ordinal);
        Assert.Contains("FAIL", output, StringComparison.Ordinal);
        Assert.Contains("request still pending after 10 s", output, StringComparison.Ordinal);
        Assert.DoesNotContain("re-run exits 0", output, StringComparison.Ordinal);
    }
}
