using OrderPipeline.Dashboard.Data;

namespace OrderPipeline.Dashboard.Analytics;

/// Folds order rows into counters whose size does not grow with the number of orders (per-day and
/// per-estimated-day maps grow with the calendar, alerts are capped), so a million orders fit easily.
/// One accumulator per day scan; <see cref="MergeFrom"/> combines them. Not thread-safe.
public sealed class OrderAccumulator
{
    public const int AlertsPerKind = 25;

    /// An open order counts as stuck once its estimated date is this far behind the newest purchase.
    public static readonly TimeSpan StuckGrace = TimeSpan.FromDays(7);

    private static readonly HashSet<string> ClosedStatuses =
        new(["delivered", "canceled", "cancelled", "unavailable"], StringComparer.OrdinalIgnoreCase);

    private static readonly string[] WeekDays =
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    private readonly long[] _byHour = new long[24];
    private readonly Dictionary<string, long> _byDayOfWeek = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, long> _byStatus = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _perDay = new(StringComparer.Ordinal);
    private readonly long[] _delayHistogram = new long[DelayBuckets.Count];
    private readonly Dictionary<DateOnly, long> _openByEstimatedDay = [];
    private readonly TopK<OrderAlert> _late = new(AlertsPerKind);
    private readonly TopK<(OrderAlert Alert, DateTime Estimated)> _open = new(AlertsPerKind);
    private long _total;
    private long _compared;
    private long _lateCount;
    private long _delaySum;
    private DateTime? _latestPurchase;

    public long Total => _total;

    public void Add(string purchaseDay, DayOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        _total++;
        Increment(_perDay, purchaseDay);

        var hour = order.OrderHour ?? order.PurchaseTimestamp?.Hour;
        if (hour is >= 0 and < 24)
        {
            _byHour[hour.Value]++;
        }

        var dayOfWeek = string.IsNullOrWhiteSpace(order.OrderDayOfWeek)
            ? order.PurchaseTimestamp?.DayOfWeek.ToString()
            : order.OrderDayOfWeek.Trim();
        Increment(_byDayOfWeek, dayOfWeek ?? "(unknown)");

        var status = string.IsNullOrWhiteSpace(order.Status) ? "(none)" : order.Status.Trim().ToLowerInvariant();
        Increment(_byStatus, status);

        if (order.PurchaseTimestamp is { } purchase && (_latestPurchase is null || purchase > _latestPurchase))
        {
            _latestPurchase = purchase;
        }

        AddDelivery(purchaseDay, order, status);
    }

    private void AddDelivery(string purchaseDay, DayOrder order, string status)
    {
        if (order.EstimatedDeliveryDate is not { } estimated)
        {
            return;
        }

        if (order.DeliveredCustomerDate is { } delivered)
        {
            var delay = DateOnly.FromDateTime(delivered).DayNumber - DateOnly.FromDateTime(estimated).DayNumber;
            _compared++;
            _delaySum += delay;
            _delayHistogram[DelayBuckets.IndexOf(delay)]++;
            if (delay > 0)
            {
                _lateCount++;
                _late.Offer(
                    new OrderAlert("late", order.OrderId, purchaseDay, status, delay,
                        $"delivered {delivered:yyyy-MM-dd}, estimated {estimated:yyyy-MM-dd}"),
                    delay,
                    order.OrderId);
            }

            return;
        }

        if (ClosedStatuses.Contains(status))
        {
            return;
        }

        Increment(_openByEstimatedDay, DateOnly.FromDateTime(estimated));
        var alert = new OrderAlert("stuck", order.OrderId, purchaseDay, status, 0,
            $"status '{status}', not delivered, estimated {estimated:yyyy-MM-dd}");
        _open.Offer((alert, estimated), -estimated.Ticks, order.OrderId);
    }

    public void MergeFrom(OrderAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _total += other._total;
        _compared += other._compared;
        _lateCount += other._lateCount;
        _delaySum += other._delaySum;
        for (var i = 0; i < _byHour.Length; i++)
        {
            _byHour[i] += other._byHour[i];
        }

        for (var i = 0; i < _delayHistogram.Length; i++)
        {
            _delayHistogram[i] += other._delayHistogram[i];
        }

        MergeCounts(_byDayOfWeek, other._byDayOfWeek);
        MergeCounts(_byStatus, other._byStatus);
        MergeCounts(_perDay, other._perDay);
        MergeCounts(_openByEstimatedDay, other._openByEstimatedDay);
        _late.MergeFrom(other._late);
        _open.MergeFrom(other._open);
        if (other._latestPurchase is { } latest && (_latestPurchase is null || latest > _latestPurchase))
        {
            _latestPurchase = latest;
        }
    }

    public AnalyticsSnapshot ToSnapshot(DateTimeOffset computedAt, TimeSpan duration)
    {
        // "Now" for stuck orders is the newest purchase in the data, not the wall clock: the dataset is
        // historical, and against today's date every open order would look stuck.
        var cutoff = _latestPurchase is { } latest ? DateOnly.FromDateTime(latest - StuckGrace) : (DateOnly?)null;
        var stuckCount = cutoff is { } c ? _openByEstimatedDay.Where(kv => kv.Key < c).Sum(kv => kv.Value) : 0;
        var stuck = cutoff is { } cut
            ? _open.ToDescendingList()
                .Where(x => DateOnly.FromDateTime(x.Estimated) < cut)
                .Select(x => x.Alert with
                {
                    Days = DateOnly.FromDateTime(_latestPurchase!.Value).DayNumber - DateOnly.FromDateTime(x.Estimated).DayNumber,
                })
                .ToList()
            : [];

        var delivery = new DeliveryStats(
            _compared,
            _lateCount,
            _compared == 0 ? 0 : (double)_lateCount / _compared,
            _compared == 0 ? 0 : (double)_delaySum / _compared,
            _delayHistogram.Select((n, i) => new NamedCount(DelayBuckets.Label(i), n)).ToList(),
            stuckCount);

        return new AnalyticsSnapshot(
            _total,
            _perDay.Count,
            _byHour.Select((n, h) => new NamedCount(h.ToString("00", System.Globalization.CultureInfo.InvariantCulture), n)).ToList(),
            OrderDaysOfWeek(),
            _byStatus.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => new NamedCount(kv.Key, kv.Value)).ToList(),
            _perDay.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new DayCount(kv.Key, kv.Value)).ToList(),
            delivery,
            [.. stuck, .. _late.ToDescendingList()],
            _latestPurchase,
            computedAt,
            duration.TotalSeconds);
    }

    private List<NamedCount> OrderDaysOfWeek()
    {
        var known = WeekDays.Select(d => new NamedCount(d, _byDayOfWeek.GetValueOrDefault(d)));
        var others = _byDayOfWeek.Where(kv => !WeekDays.Contains(kv.Key, StringComparer.OrdinalIgnoreCase))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new NamedCount(kv.Key, kv.Value));
        return [.. known, .. others];
    }

    private static void Increment<TKey>(Dictionary<TKey, long> counts, TKey key)
        where TKey : notnull
    {
        counts[key] = counts.GetValueOrDefault(key) + 1;
    }

    private static void MergeCounts<TKey>(Dictionary<TKey, long> into, Dictionary<TKey, long> from)
        where TKey : notnull
    {
        foreach (var (key, value) in from)
        {
            into[key] = into.GetValueOrDefault(key) + value;
        }
    }
}
