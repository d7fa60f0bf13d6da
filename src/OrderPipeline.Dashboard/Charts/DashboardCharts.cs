using System.Globalization;
using OrderPipeline.Dashboard.Analytics;

namespace OrderPipeline.Dashboard.Charts;

/// The charts the page shows, by name, drawn from one analytics snapshot. The PNG report draws the same
/// series (<see cref="Series"/>), so page and report cannot disagree.
public static class DashboardCharts
{
    private static readonly int[] MonthSteps = [1, 2, 3, 6, 12];

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
            var points = PerDayPoints(snapshot);
            var ticks = MonthTicks(points);
            var format = ticks is null ? "yyyy-MM-dd" : "yyyy-MM";
            return SvgLineChart.Render(Title(name), points,
                x => DateOnly.FromDayNumber((int)Math.Round(x)).ToString(format, CultureInfo.InvariantCulture),
                new ChartStyle { Width = 1140, Height = 240 },
                ticks);
        }

        var style = name switch
        {
            "delay" => new ChartStyle { Color = "#b5651d" },
            // Status names are long enough to be drawn rotated; give them room below the axis.
            "status" => new ChartStyle { Height = 264, MarginBottom = 68 },
            _ => new ChartStyle(),
        };
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

    /// First days of months, every 1, 2, 3, 6 or 12 months so that at most ten are labelled; null when
    /// the data spans less than two months (then evenly spaced dates read better).
    public static IReadOnlyList<double>? MonthTicks(IReadOnlyList<(double X, double Y)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count < 60)
        {
            return null;
        }

        var first = DateOnly.FromDayNumber((int)points[0].X);
        var last = DateOnly.FromDayNumber((int)points[^1].X);
        var months = ((last.Year - first.Year) * 12) + last.Month - first.Month;
        var step = MonthSteps.FirstOrDefault(s => months / s <= 10, 24);
        var ticks = new List<double>();
        for (var m = new DateOnly(first.Year, 1, 1); m <= last; m = m.AddMonths(step))
        {
            if (m >= first)
            {
                ticks.Add(m.DayNumber);
            }
        }

        return ticks;
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
