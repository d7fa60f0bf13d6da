using OrderPipeline.Dashboard.Data;

namespace OrderPipeline.Dashboard.Tests.Fakes;

/// Builds order rows for tests with only the fields a test cares about.
public static class TestOrders
{
    private static int _next;

    public static DayOrder Make(
        string purchase,
        string status = "delivered",
        string? delivered = null,
        string? estimated = null,
        string? dayOfWeek = null)
    {
        var bought = DateTime.Parse(purchase, System.Globalization.CultureInfo.InvariantCulture);
        var id = new Guid(Interlocked.Increment(ref _next), 0, 0, new byte[8]);
        return new DayOrder(
            id,
            status,
            bought,
            delivered is null ? null : DateTime.Parse(delivered, System.Globalization.CultureInfo.InvariantCulture),
            estimated is null ? null : DateTime.Parse(estimated, System.Globalization.CultureInfo.InvariantCulture),
            bought.Hour,
            dayOfWeek ?? bought.DayOfWeek.ToString());
    }
}
