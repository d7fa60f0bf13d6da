using System.Globalization;
using System.Text;
using OrderPipeline.Dashboard.Analytics;

namespace OrderPipeline.Dashboard.Report;

/// `report --out DIR`: PNG charts plus a Markdown summary that links them, for people who want a file.
public static class ReportWriter
{
    public const string SummaryFile = "report.md";

    public static IReadOnlyList<string> Write(AnalyticsSnapshot snapshot, string directory, string source = "ecommerce.orders_by_day")
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var charts = PngCharts.Write(snapshot, directory);
        File.WriteAllText(Path.Combine(directory, SummaryFile), Summary(snapshot, charts, source), new UTF8Encoding(false));
        return [.. charts, SummaryFile];
    }

    public static string Summary(AnalyticsSnapshot snapshot, IReadOnlyList<string> charts, string source)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(charts);
        var c = CultureInfo.InvariantCulture;
        var d = snapshot.Delivery;
        var sb = new StringBuilder();
        sb.AppendLine("# OrderPipeline report").AppendLine();
        sb.AppendLine(c, $"Computed {snapshot.ComputedAt:yyyy-MM-dd HH:mm:ss} UTC from `{source}` in {snapshot.RefreshSeconds:0.0} s.").AppendLine();
        sb.AppendLine("| measure | value |").AppendLine("|---|---|");
        sb.AppendLine(c, $"| orders stored | {snapshot.TotalOrders:N0} |");
        sb.AppendLine(c, $"| purchase days | {snapshot.Days:N0} ({First(snapshot)} to {Last(snapshot)}) |");
        sb.AppendLine(c, $"| delivered with an estimate | {d.Compared:N0} |");
        sb.AppendLine(c, $"| delivered late | {d.Late:N0} ({d.LateShare:P1}) |");
        sb.AppendLine(c, $"| mean delay vs estimate | {d.AverageDelayDays:0.0} days (negative = early) |");
        sb.AppendLine(c, $"| stuck (open, 7+ days past estimate) | {d.Stuck:N0} |");
        sb.AppendLine().AppendLine("## Orders by status").AppendLine().AppendLine("| status | orders |").AppendLine("|---|---|");
        foreach (var s in snapshot.ByStatus)
        {
            sb.AppendLine(c, $"| {s.Name} | {s.Count:N0} |");
        }

        sb.AppendLine().AppendLine("## Charts").AppendLine();
        foreach (var chart in charts)
        {
            sb.AppendLine(c, $"![{Path.GetFileNameWithoutExtension(chart)}]({chart})").AppendLine();
        }

        if (snapshot.Alerts.Count > 0)
        {
            sb.AppendLine("## Alerts (worst first)").AppendLine().AppendLine("| kind | order | purchased | status | days | detail |").AppendLine("|---|---|---|---|---|---|");
            foreach (var a in snapshot.Alerts)
            {
                sb.AppendLine(c, $"| {a.Kind} | {a.OrderId:N} | {a.PurchaseDay} | {a.Status} | {a.Days} | {a.Detail} |");
            }
        }

        return sb.ToString();
    }

    private static string First(AnalyticsSnapshot s) => s.PerDay.Count > 0 ? s.PerDay[0].Day : "-";

    private static string Last(AnalyticsSnapshot s) => s.PerDay.Count > 0 ? s.PerDay[^1].Day : "-";
}
