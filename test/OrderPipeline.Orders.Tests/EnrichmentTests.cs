namespace OrderPipeline.Orders.Tests;

public class EnrichmentTests
{
    private static Order OrderAt(string purchase)
    {
        Assert.Equal(TimestampParseResult.Ok, DatasetTimestamp.TryParse(purchase, out var ts));
        return new Order(Guid.NewGuid(), Guid.NewGuid(), OrderStatuses.Delivered, ts, null, null, null, null);
    }

    [Theory]
    [InlineData("2017-10-02 00:00:00", 0)]
    [InlineData("2017-10-02 23:59:59", 23)]
    [InlineData("2017-10-02 12:00:00", 12)]
    [InlineData("2017-10-02 00:59:59", 0)]
    public void Should_TakeHourAsWritten(string purchase, int hour)
    {
        Assert.Equal(hour, OrderAt(purchase).OrderHour);
    }

    [Theory]
    [InlineData("2017-10-02 10:56:33", "Monday")]
    [InlineData("2017-10-03 10:56:33", "Tuesday")]
    [InlineData("2017-10-04 10:56:33", "Wednesday")]
    [InlineData("2017-10-05 10:56:33", "Thursday")]
    [InlineData("2017-10-06 10:56:33", "Friday")]
    [InlineData("2017-10-07 10:56:33", "Saturday")]
    [InlineData("2017-10-08 10:56:33", "Sunday")]
    [InlineData("2016-02-29 08:00:00", "Monday")]
    [InlineData("2017-10-08 23:59:59", "Sunday")]
    [InlineData("2017-10-09 00:00:00", "Monday")]
    public void Should_NameTheDayInEnglish(string purchase, string day)
    {
        Assert.Equal(day, OrderAt(purchase).OrderDayOfWeek);
    }

    [Fact]
    public void Should_NotDependOnCurrentCulture()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        try
        {
            // InvariantGlobalization is on, but this guards against a future change of that setting.
            Thread.CurrentThread.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
            Assert.Equal("Monday", OrderAt("2017-10-02 10:56:33").OrderDayOfWeek);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Should_KeepWallClockAndUtcKind_When_ConstructedFromLocalOrUnspecified()
    {
        var local = new DateTime(2017, 10, 2, 10, 56, 33, DateTimeKind.Local);
        var order = new Order(Guid.NewGuid(), Guid.NewGuid(), OrderStatuses.Delivered, local, local, null, null, null);
        Assert.Equal(DateTimeKind.Utc, order.PurchaseTimestamp.Kind);
        Assert.Equal(10, order.PurchaseTimestamp.Hour);
        Assert.Equal(10, order.ApprovedAt!.Value.Hour);
        Assert.Equal(DateTimeKind.Utc, order.ApprovedAt.Value.Kind);
    }
}
