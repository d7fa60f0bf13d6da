using System.Globalization;
using OrderPipeline.Dashboard.Analytics;

namespace OrderPipeline.Dashboard.Charts;

/// The charts the page shows, by name, drawn from one analytics snapshot. The PNG report draws the same
/// series (<see cref="Series"/>), so page and report cannot disagree.
public static class DashboardCharts
{
    public static readonly IReadOnlyList<string> Names = ["per-day", "hour", "weekday", "status", "delay"];

    public static string Title(string name) => name switch
    {
        "per-day" => "Orders per purchase day",
        "hour" => "Orders by hour of day (OrderHour)",
        "weekday" => "Orders by day of week (OrderDayOfWeek)",
        "status" => "Orders by status",
        "delay" => "Delivery delay vs estimate (days; negative = early)",
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown chart."),
    };

    public static string? RenderSvg(string name, AnalyticsSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (!Names.Contains(name))
        {
            return null;
        }

        if (name == "per-day")
        {
            return SvgLineChart.Render(Title(name), PerDayPoints(snapshot),
                x => DateOnly.FromDayNumber((int)Math.Round(x)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                new ChartStyle { Width = 1140, Height = 240 });
        }

        var style = name == "delay" ? new ChartStyle { Color = "#b5651d" } : new ChartStyle();
        return SvgBarChart.Render(Title(name), Series(name, snapshot), style);
    }

    /// Bar series for every chart but "per-day".
    public static IReadOnlyList<(string Label, double Value)> Series(string name, AnalyticsSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var counts = name switch
        {
            "hour" => snapshot.ByHour,
            "weekday" => snapshot.ByDayOfWeek,
            "status" => snapshot.ByStatus,
            "delay" => snapshot.Delivery.DelayHistogram,
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a bar chart."),
        };
        return counts.Select(c => (c.Name, (double)c.Count)).ToList();
    }

    /// Orders per day with days without orders filled in as zero, so gaps show as dips, not as a
    /// straight line bridging them. Days that do not parse as dates are left out of this chart.
    public static IReadOnlyList<(double X, double Y)> PerDayPoints(AnalyticsSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var byDay = new SortedDictionary<int, long>();
        foreach (var day in snapshot.PerDay)
        {
            if (DateOnly.TryParseExact(day.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                byDay[date.DayNumber] = byDay.GetValueOrDefault(date.DayNumber) + day.Count;
            }
        }

        if (byDay.Count == 0)
        {
            return [];
        }

        var first = byDay.Keys.First();
        var last = byDay.Keys.Last();
        var points = new List<(double, double)>(last - first + 1);
        for (var d = first; d <= last; d++)
        {
            points.Add((d, byDay.GetValueOrDefault(d)));
        }

        return points;
    }
}
