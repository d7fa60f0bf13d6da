using OrderPipeline.Dashboard.Analytics;
using OrderPipeline.Dashboard.Charts;
using ScottPlot;

namespace OrderPipeline.Dashboard.Report;

/// The page's charts as PNG files, drawn by ScottPlot from the same series as the SVG charts.
public static class PngCharts
{
    public const int Width = 900;
    public const int Height = 420;

    /// Writes one PNG per chart into the directory and returns the file names in chart order.
    public static IReadOnlyList<string> Write(AnalyticsSnapshot snapshot, string directory)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Directory.CreateDirectory(directory);
        var files = new List<string>();
        foreach (var name in DashboardCharts.Names)
        {
            using var plot = name == "per-day" ? PerDay(snapshot) : Bars(name, snapshot);
            var file = $"{name}.png";
            plot.SavePng(Path.Combine(directory, file), name == "per-day" ? Width * 3 / 2 : Width, Height);
            files.Add(file);
        }

        return files;
    }

    private static Plot Bars(string name, AnalyticsSnapshot snapshot)
    {
        var series = DashboardCharts.Series(name, snapshot);
        var plot = new Plot();
        plot.Title(DashboardCharts.Title(name));
        plot.YLabel("orders");
        var bars = plot.Add.Bars(series.Select(s => s.Value).ToArray());
        bars.Color = name == "delay" ? Color.FromHex("#b5651d") : Color.FromHex("#3b6ea8");
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, series.Count).Select(i => (double)i).ToArray(),
            series.Select(s => s.Label).ToArray());
        // At 900 px the longest label ("unavailable") fits under its bar, so labels stay horizontal:
        // rotated ones were clipped at the image's bottom edge.
        plot.Axes.Margins(bottom: 0);
        return plot;
    }

    private static Plot PerDay(AnalyticsSnapshot snapshot)
    {
        var points = DashboardCharts.PerDayPoints(snapshot);
        var plot = new Plot();
        plot.Title(DashboardCharts.Title("per-day"));
        plot.YLabel("orders");
        if (points.Count > 0)
        {
            var xs = points.Select(p => DateOnly.FromDayNumber((int)p.X).ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray();
            var line = plot.Add.ScatterLine(xs, points.Select(p => p.Y).ToArray());
            line.Color = Color.FromHex("#3b6ea8");
            plot.Axes.DateTimeTicksBottom();
            // Counts start at zero, as on the page; autoscale would start at the smallest day.
            plot.Axes.SetLimitsY(0, points.Max(p => p.Y) * 1.05);
        }

        return plot;
    }
}
