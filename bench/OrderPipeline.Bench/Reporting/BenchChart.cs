using ScottPlot;

namespace OrderPipeline.Bench.Reporting;

/// The README's chart: throughput of each stage next to its reference and ceiling, and end-to-end latency
/// percentiles at each steady rate. Only measured figures are drawn; a missing one is left out, not guessed.
public static class BenchChart
{
    public static void Save(string path, IReadOnlyList<(string Label, double OrdersPerSecond)> throughput,
        IReadOnlyList<(double Rate, double P50, double P95, double P99)> latency)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var multiplot = new Multiplot();
        multiplot.AddPlots(latency.Count > 0 ? 2 : 1);
        DrawThroughput(multiplot.GetPlot(0), throughput);
        if (latency.Count > 0)
        {
            DrawLatency(multiplot.GetPlot(1), latency);
        }

        multiplot.SavePng(path, 1200, latency.Count > 0 ? 1000 : 520);
    }

    private static void DrawThroughput(Plot plot, IReadOnlyList<(string Label, double OrdersPerSecond)> throughput)
    {
        var bars = throughput.Select((t, i) => new Bar
        {
            Position = i,
            Value = t.OrdersPerSecond,
            Label = FormatRate(t.OrdersPerSecond),
            FillColor = t.Label.StartsWith("ours", StringComparison.Ordinal) ? Colors.SteelBlue
                : t.Label.StartsWith("baseline", StringComparison.Ordinal) ? Colors.IndianRed
                : Colors.Gray,
        }).ToArray();
        var series = plot.Add.Bars(bars);
        series.ValueLabelStyle.FontSize = 12;
        series.Horizontal = true;
        plot.Axes.Left.SetTicks([.. throughput.Select((_, i) => (double)i)], [.. throughput.Select(t => t.Label)]);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Margins(left: 0, right: 0.15);
        plot.Title("Throughput (orders or messages per second; blue: ours, red: reference design, grey: ceilings)");
        plot.XLabel("per second");
        plot.Grid.MajorLineColor = Colors.LightGray;
    }

    private static void DrawLatency(Plot plot, IReadOnlyList<(double Rate, double P50, double P95, double P99)> latency)
    {
        var rates = latency.Select(l => l.Rate).ToArray();
        AddLine(plot, rates, [.. latency.Select(l => l.P50)], "p50", Colors.SteelBlue);
        AddLine(plot, rates, [.. latency.Select(l => l.P95)], "p95", Colors.Orange);
        AddLine(plot, rates, [.. latency.Select(l => l.P99)], "p99", Colors.IndianRed);
        plot.Axes.Bottom.SetTicks(rates, [.. rates.Select(FormatRate)]);
        plot.Title("End-to-end latency, Kafka produce to Cassandra ack, at a steady --rate");
        plot.XLabel("orders per second (--rate)");
        plot.YLabel("milliseconds");
        plot.ShowLegend(Alignment.UpperLeft);
    }

    private static void AddLine(Plot plot, double[] xs, double[] ys, string label, Color color)
    {
        var line = plot.Add.Scatter(xs, ys);
        line.LegendText = label;
        line.Color = color;
        line.LineWidth = 2;
        line.MarkerSize = 8;
    }

    private static string FormatRate(double value) => value >= 1000
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{value / 1000:0.#}k")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{value:0}");
}
