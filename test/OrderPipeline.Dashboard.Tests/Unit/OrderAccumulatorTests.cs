using OrderPipeline.Dashboard.Analytics;
using OrderPipeline.Dashboard.Tests.Fakes;

namespace OrderPipeline.Dashboard.Tests.Unit;

public class OrderAccumulatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static AnalyticsSnapshot Fold(params Data.DayOrder[] orders)
    {
        var acc = new OrderAccumulator();
        foreach (var o in orders)
        {
            acc.Add(o.PurchaseTimestamp!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), o);
        }

        return acc.ToSnapshot(Now, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Should_CountByHourWeekdayStatusAndDay()
    {
        // Given orders on two days (2017-10-02 was a Monday)
        var s = Fold(
            TestOrders.Make("2017-10-02 10:56:33"),
            TestOrders.Make("2017-10-02 10:01:00", status: "shipped"),
            TestOrders.Make("2017-10-03 23:59:59", status: "shipped"));

        Assert.Equal(3, s.TotalOrders);
        Assert.Equal(2, s.Days);
        Assert.Equal(2, s.ByHour[10].Count);
        Assert.Equal(1, s.ByHour[23].Count);
        Assert.Equal(24, s.ByHour.Count);
        Assert.Equal(3, s.ByHour.Sum(h => h.Count));
        Assert.Equal(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"], s.ByDayOfWeek.Select(d => d.Name));
        Assert.Equal(2, s.ByDayOfWeek[0].Count);
        Assert.Equal(1, s.ByDayOfWeek[1].Count);
        Assert.Equal([new NamedCount("shipped", 2), new NamedCount("delivered", 1)], s.ByStatus);
        Assert.Equal([new DayCount("2017-10-02", 2), new DayCount("2017-10-03", 1)], s.PerDay);
    }

    [Fact]
    public void Should_MeasureLateShareAndDelays_When_DeliveredWithEstimate()
    {
        var s = Fold(
            TestOrders.Make("2017-10-02 10:00:00", delivered: "2017-10-10 21:25:13", estimated: "2017-10-18"), // 8 days early
            TestOrders.Make("2017-10-02 11:00:00", delivered: "2017-10-18 23:00:00", estimated: "2017-10-18"), // same day
            TestOrders.Make("2017-10-02 12:00:00", delivered: "2017-10-21 08:00:00", estimated: "2017-10-18"), // 3 late
            TestOrders.Make("2017-10-02 13:00:00", delivered: "2017-11-30 08:00:00", estimated: "2017-10-18")); // 43 late

        var d = s.Delivery;
        Assert.Equal(4, d.Compared);
        Assert.Equal(2, d.Late);
        Assert.Equal(0.5, d.LateShare);
        Assert.Equal((-8 + 0 + 3 + 43) / 4.0, d.AverageDelayDays);
        var histogram = d.DelayHistogram.ToDictionary(h => h.Name, h => h.Count);
        Assert.Equal(1, histogram["-14..-8"]);
        Assert.Equal(1, histogram["0"]);
        Assert.Equal(1, histogram["1..3"]);
        Assert.Equal(1, histogram["> 30"]);
        Assert.Equal(4, histogram.Values.Sum());
        // the worst late order comes first among the late alerts
        var late = s.Alerts.Where(a => a.Kind == "late").ToList();
        Assert.Equal([43, 3], late.Select(a => a.Days));
    }

    [Fact]
    public void Should_FlagStuckOrders_RelativeToNewestPurchase()
    {
        // Given the newest purchase on 2018-09-01, a shipped order estimated long before, one estimated
        // within the grace period, and a canceled one that must never count
        var s = Fold(
            TestOrders.Make("2018-09-01 09:00:00"),
            TestOrders.Make("2018-06-01 09:00:00", status: "shipped", estimated: "2018-07-01"),
            TestOrders.Make("2018-08-20 09:00:00", status: "shipped", estimated: "2018-08-29"),
            TestOrders.Make("2018-06-01 10:00:00", status: "canceled", estimated: "2018-07-01"));

        Assert.Equal(1, s.Delivery.Stuck);
        var stuck = Assert.Single(s.Alerts, a => a.Kind == "stuck");
        Assert.Equal("shipped", stuck.Status);
        Assert.Equal(62, stuck.Days);
    }

    [Fact]
    public void Should_GiveSameResult_When_MergedFromParts()
    {
        // Given the same orders folded at once and folded per day then merged
        var orders = Enumerable.Range(0, 200).Select(i => TestOrders.Make(
            $"2017-{1 + (i % 12):00}-{1 + (i % 28):00} {i % 24:00}:00:00",
            status: i % 5 == 0 ? "shipped" : "delivered",
            delivered: i % 5 == 0 ? null : $"2017-12-{1 + (i % 30):00}",
            estimated: $"2017-12-{1 + (i % 17):00}")).ToArray();
        var whole = Fold(orders);

        var total = new OrderAccumulator();
        foreach (var group in orders.GroupBy(o => o.PurchaseTimestamp!.Value.Date))
        {
            var part = new OrderAccumulator();
            foreach (var o in group)
            {
                part.Add(group.Key.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), o);
            }

            total.MergeFrom(part);
        }

        var merged = total.ToSnapshot(Now, TimeSpan.FromSeconds(1));

        Assert.Equal(whole.TotalOrders, merged.TotalOrders);
        Assert.Equal(whole.ByHour, merged.ByHour);
        Assert.Equal(whole.ByStatus, merged.ByStatus);
        Assert.Equal(whole.PerDay, merged.PerDay);
        Assert.Equal(whole.Delivery.DelayHistogram, merged.Delivery.DelayHistogram);
        Assert.Equal(whole.Delivery with { DelayHistogram = [] }, merged.Delivery with { DelayHistogram = [] });
        Assert.Equal(whole.Alerts, merged.Alerts);
    }

    [Fact]
    public void Should_KeepAlertsBounded_When_ManyLateOrders()
    {
        var orders = Enumerable.Range(0, 500).Select(i =>
            TestOrders.Make("2017-01-01 10:00:00", delivered: "2017-03-01", estimated: "2017-02-01")).ToArray();

        var s = Fold(orders);

        Assert.Equal(500, s.Delivery.Late);
        Assert.Equal(OrderAccumulator.AlertsPerKind, s.Alerts.Count);
    }
}
