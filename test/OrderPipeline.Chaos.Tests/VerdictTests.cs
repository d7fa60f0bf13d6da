using OrderPipeline.Chaos.Framework;

namespace OrderPipeline.Chaos.Tests;

public class VerdictTests
{
    private static readonly ScenarioCheck Ok = ScenarioCheck.That("held", true, "fine");

    private static ScenarioResult Row(long? lost = 0, long? duplicated = 0, string? error = null, params ScenarioCheck[] checks) => new()
    {
        Number = 1,
        Name = "consumer-kill",
        OrdersIn = 100,
        Stored = 100,
        Lost = lost,
        Duplicated = duplicated,
        Error = error,
        Checks = checks,
    };

    [Fact]
    public void Should_Pass_When_NothingLostOrDuplicatedAndEveryCheckHeld()
    {
        Assert.Equal(ChaosVerdict.Pass, Row(checks: Ok).Verdict);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(0, 1)]
    [InlineData(7, 3)]
    public void Should_Fail_When_AnyOrderIsLostOrDuplicated(long lost, long duplicated)
    {
        var row = Row(lost, duplicated, null, Ok);
        Assert.Equal(ChaosVerdict.Fail, row.Verdict);
        Assert.NotEmpty(row.Failures);
    }

    [Fact]
    public void Should_Fail_When_ACheckFailed()
    {
        var row = Row(checks: [Ok, ScenarioCheck.That("all poison in the DLQ", false, "5 of 6")]);
        Assert.Equal(ChaosVerdict.Fail, row.Verdict);
        Assert.Contains(row.Failures, f => f.Contains("5 of 6", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Fail_When_NoCheckWasMade()
    {
        // A scenario that asserted nothing proved nothing.
        Assert.Equal(ChaosVerdict.Fail, Row().Verdict);
    }

    [Fact]
    public void Should_Fail_When_TheScenarioErrored()
    {
        var row = Row(error: "TimeoutException: consume hung", checks: Ok);
        Assert.Equal(ChaosVerdict.Fail, row.Verdict);
        Assert.Contains(row.Failures, f => f.Contains("consume hung", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Pass_When_CountsDoNotApply()
    {
        // The fake-CQL-server scenario has no orders: null counts are not failures.
        Assert.Equal(ChaosVerdict.Pass, Row(lost: null, duplicated: null, null, Ok).Verdict);
    }

    [Fact]
    public void ExitCode_IsZeroOnlyWhenEveryRowPassed()
    {
        Assert.Equal(0, ChaosVerdicts.ExitCode([Row(checks: Ok), Row(checks: Ok)]));
        Assert.Equal(1, ChaosVerdicts.ExitCode([Row(checks: Ok), Row(lost: 1, duplicated: 0, null, Ok)]));
        Assert.Equal(1, ChaosVerdicts.ExitCode([]));
    }
}
