using OrderPipeline.Dashboard.Analytics;
using OrderPipeline.Dashboard.Charts;
using OrderPipeline.Dashboard.Tests.Fakes;

namespace OrderPipeline.Dashboard.Tests.Unit;

public class AnalyticsComputerTests
{
    [Fact]
    public async Task Should_ScanEveryDay_When_ComputingFromStore()
    {
        // Given 50 days with a known number of orders each
        var store = new FakeOrderStore();
        var expected = 0;
        for (var d = 0; d < 50; d++)
        {
            for (var n = 0; n <= d % 7; n++)
            {
                store.Add(TestOrders.Make(new DateTime(2017, 3, 1).AddDays(d).AddHours(n).ToString("s", System.Globalization.CultureInfo.InvariantCulture)));
                expected++;
            }
        }

        // When computed with parallel day readers
        var snapshot = await new AnalyticsComputer(store, TimeProvider.System, parallelism: 4).ComputeAsync();

        // Then every order is counted exactly once
        Assert.Equal(expected, snapshot.TotalOrders);
        Assert.Equal(50, snapshot.Days);
        Assert.Equal(expected, snapshot.PerDay.Sum(p => p.Count));
        var points = DashboardCharts.PerDayPoints(snapshot);
        Assert.Equal(50, points.Count);
        Assert.Equal(expected, points.Sum(p => p.Y));
    }

    [Fact]
    public void Should_FillMissingDaysWithZero_When_PlottingPerDay()
    {
        var store = new OrderAccumulator();
        store.Add("2017-01-01", TestOrders.Make("2017-01-01 10:00:00"));
        store.Add("2017-01-04", TestOrders.Make("2017-01-04 10:00:00"));
        var snapshot = store.ToSnapshot(DateTimeOffset.UnixEpoch, TimeSpan.Zero);

        var points = DashboardCharts.PerDayPoints(snapshot);

        Assert.Equal([1.0, 0, 0, 1], points.Select(p => p.Y));
    }
}
