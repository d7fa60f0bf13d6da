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

public class AnalyticsComputerRetryTests
{
    [Fact]
    public async Task Should_RereadDay_When_OnePageTimesOut()
    {
        // Given a store whose first read of one day fails half-way
        var store = new FlakyStore(new FakeOrderStore()
            .Add(TestOrders.Make("2017-03-01 10:00:00"))
            .Add(TestOrders.Make("2017-03-01 11:00:00"))
            .Add(TestOrders.Make("2017-03-02 11:00:00")));

        // When computed
        var snapshot = await new AnalyticsComputer(store, TimeProvider.System).ComputeAsync();

        // Then the day is counted once, from the retry, not twice
        Assert.Equal(3, snapshot.TotalOrders);
        Assert.Equal(1, store.Failures);
    }

    private sealed class FlakyStore(FakeOrderStore inner) : Data.IOrderStore
    {
        public int Failures { get; private set; }

        public IAsyncEnumerable<string> ListDaysAsync(CancellationToken cancellationToken = default) => inner.ListDaysAsync(cancellationToken);

        public async IAsyncEnumerable<Data.DayOrder> ReadDayAsync(string purchaseDay, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var n = 0;
            await foreach (var order in inner.ReadDayAsync(purchaseDay, cancellationToken))
            {
                if (purchaseDay == "2017-03-01" && ++n == 2 && Failures == 0)
                {
                    Failures++;
                    throw new Data.StoreUnavailableException("Operation timed out - received only 0 responses.");
                }

                yield return order;
            }
        }

        public Task<Data.QueryResult> QueryAsync(string selectStatement, int rowLimit, CancellationToken cancellationToken = default) =>
            inner.QueryAsync(selectStatement, rowLimit, cancellationToken);

        public Task PingAsync(CancellationToken cancellationToken = default) => inner.PingAsync(cancellationToken);
    }
}
