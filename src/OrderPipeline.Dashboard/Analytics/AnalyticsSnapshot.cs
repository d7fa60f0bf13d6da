namespace OrderPipeline.Dashboard.Analytics;

/// Everything the analytics part of the page shows, computed once per refresh and then only read.
public sealed record AnalyticsSnapshot(
    long TotalOrders,
    int Days,
    IReadOnlyList<NamedCount> ByHour,
    IReadOnlyList<NamedCount> ByDayOfWeek,
    IReadOnlyList<NamedCount> ByStatus,
    IReadOnlyList<DayCount> PerDay,
    DeliveryStats Delivery,
    IReadOnlyList<OrderAlert> Alerts,
    DateTime? LatestPurchase,
    DateTimeOffset ComputedAt,
    double RefreshSeconds);

public sealed record NamedCount(string Name, long Count);

public sealed record DayCount(string Day, long Count);

/// <param name="Compared">Delivered orders that have both a delivery and an estimated date.</param>
/// <param name="Late">Of those, the ones delivered on a later calendar day than estimated.</param>
/// <param name="Stuck">Open orders (not delivered, canceled or unavailable) whose estimated date lies more
/// than the grace period before the latest purchase in the data.</param>
public sealed record DeliveryStats(
    long Compared,
    long Late,
    double LateShare,
    double AverageDelayDays,
    IReadOnlyList<NamedCount> DelayHistogram,
    long Stuck);

/// <param name="Kind">"late" (delivered after the estimate) or "stuck" (open long past the estimate).</param>
/// <param name="Days">Days late, or days past the estimate for a stuck order.</param>
public sealed record OrderAlert(string Kind, Guid OrderId, string PurchaseDay, string Status, int Days, string Detail);
