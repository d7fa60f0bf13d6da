namespace OrderPipeline.Orders;

/// <summary>The derived columns the consumer stores: hour and English day name of the purchase.</summary>
public static class OrderEnrichment
{
    // Fixed English names (not DateTimeFormatInfo) so the result never depends on the current culture.
    private static readonly string[] DayNames =
        ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    public static int Hour(DateTime purchaseTimestamp) => purchaseTimestamp.Hour;

    public static string DayName(DateTime purchaseTimestamp) => DayNames[(int)purchaseTimestamp.DayOfWeek];
}
