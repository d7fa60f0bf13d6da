using OrderPipeline.Bench.Stats;

namespace OrderPipeline.Bench.Tests;

public class StatsTests
{
    [Fact]
    public void Should_UseNearestRank_When_TakingPercentiles()
    {
        // Given 1..100 ms in shuffled order
        var values = Enumerable.Range(1, 100).Select(i => (double)i).Reverse().ToArray();

        // When summarized
        var summary = LatencySummary.Of(values);

        // Then every percentile is an observed value
        Assert.Equal(50, summary.P50);
        Assert.Equal(95, summary.P95);
        Assert.Equal(99, summary.P99);
        Assert.Equal(100, summary.Max);
        Assert.Equal(100, summary.Count);
    }

    [Fact]
    public void Should_ReportMedianAndSpread_When_Repeated()
    {
        var repeated = Repeated.Of([10.0, 12.0, 8.0]);

        Assert.Equal(10, repeated.Median);
        Assert.Equal(8, repeated.Min);
        Assert.Equal(12, repeated.Max);
        Assert.Equal(0.4, repeated.Spread, 6);
    }

    [Fact]
    public void Should_BeNaN_When_NothingWasMeasured()
    {
        Assert.True(double.IsNaN(Percentiles.Of([], 50)));
        Assert.True(double.IsNaN(LatencySummary.Of([]).P99));
    }
}
