namespace OrderPipeline.Orders.Tests;

public class TimestampAndIdTests
{
    [Theory]
    [InlineData("2017-10-02 10:56:33", 2017, 10, 2, 10, 56, 33)]
    [InlineData("2016-02-29 00:00:00", 2016, 2, 29, 0, 0, 0)]
    [InlineData("2018-12-31 23:59:59", 2018, 12, 31, 23, 59, 59)]
    public void Should_ParseWallClockAsUtcWithoutShift_When_Valid(string text, int y, int mo, int d, int h, int mi, int s)
    {
        Assert.Equal(TimestampParseResult.Ok, DatasetTimestamp.TryParse(text, out var value));
        Assert.Equal(new DateTime(y, mo, d, h, mi, s), value);
        Assert.Equal(DateTimeKind.Utc, value.Kind);
        Assert.Equal(text, DatasetTimestamp.ToText(value));
    }

    [Theory]
    [InlineData("", TimestampParseResult.Empty)]
    [InlineData("2017-02-30 10:00:00", TimestampParseResult.ImpossibleDate)]
    [InlineData("2017-02-29 10:00:00", TimestampParseResult.ImpossibleDate)]
    [InlineData("2017-10-02 24:00:00", TimestampParseResult.ImpossibleDate)]
    [InlineData("0000-01-01 00:00:00", TimestampParseResult.ImpossibleDate)]
    [InlineData("2017-10-02T10:56:33", TimestampParseResult.BadFormat)]
    [InlineData("2017-10-02 10:56:33Z", TimestampParseResult.HasTimeZone)]
    [InlineData("2017-10-02 10:56:33+03:00", TimestampParseResult.HasTimeZone)]
    [InlineData("2017-10-02 10:56:33 -0300", TimestampParseResult.HasTimeZone)]
    [InlineData("2017-10-02 10:56:33.5", TimestampParseResult.BadFormat)]
    [InlineData("2017-10-02", TimestampParseResult.BadFormat)]
    [InlineData("2017-1a-02 10:56:33", TimestampParseResult.BadFormat)]
    public void Should_ClassifyBadTimestamps(string text, TimestampParseResult expected)
    {
        Assert.Equal(expected, DatasetTimestamp.TryParse(text, out _));
    }

    [Fact]
    public void Should_AcceptUppercaseHexAndNormalizeToLowercase()
    {
        Assert.True(OrderIds.TryParse("E481F51CBDC54678B7CC49136F2D6AF7", out var id));
        Assert.Equal("e481f51cbdc54678b7cc49136f2d6af7", id.ToString("N"));
    }

    [Theory]
    [InlineData("e481f51c-bdc5-4678-b7cc-49136f2d6af7")]
    [InlineData("{e481f51cbdc54678b7cc49136f2d6af}")]
    [InlineData("e481f51cbdc54678b7cc49136f2d6af")]
    [InlineData("e481f51cbdc54678b7cc49136f2d6afg")]
    [InlineData("")]
    public void Should_RejectIds_When_Not32Hex(string text)
    {
        Assert.False(OrderIds.TryParse(text, out _));
    }

    [Theory]
    [InlineData("delivered", "delivered")]
    [InlineData("DELIVERED", "delivered")]
    [InlineData("Canceled", "canceled")]
    [InlineData("created", "created")]
    [InlineData("approved", "approved")]
    [InlineData("cancelled", null)]
    [InlineData("", null)]
    public void Should_NormalizeKnownStatuses(string text, string? expected)
    {
        Assert.Equal(expected, OrderStatuses.Normalize(text));
    }
}
