using System.Globalization;
using System.Text;
using static OrderPipeline.Dashboard.Charts.SvgWriter;

namespace OrderPipeline.Dashboard.Charts;

/// A line chart over numeric x values (e.g. day numbers) as a standalone SVG document; the caller says
/// how an x value is written on the axis.
public static class SvgLineChart
{
    public static string Render(
        string title,
        IReadOnlyList<(double X, double Y)> points,
        Func<double, string> xLabel,
        ChartStyle? style = null,
        IReadOnlyList<double>? xTicks = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(xLabel);
        style ??= new ChartStyle();
        var sb = new StringBuilder(8192);
        Open(sb, style, title);
        if (points.Count == 0)
        {
            Empty(sb, style);
            return sb.ToString();
        }

        var max = YAxis(sb, style, points.Max(p => p.Y));
        var minX = points.Min(p => p.X);
        var maxX = points.Max(p => p.X);
        var spanX = maxX > minX ? maxX - minX : 1;
        double Px(double x) => style.MarginLeft + ((x - minX) / spanX * style.PlotWidth);
        double Py(double y) => style.PlotBottom - (Math.Max(0, y) / max * style.PlotHeight);

        var ticks = xTicks ?? EvenTicks(minX, spanX, points.Count == 1 ? 1 : 6);
        foreach (var x in ticks.Where(x => x >= minX && x <= maxX))
        {
            var px = Px(x);
            var anchor = px < style.MarginLeft + 30 ? "start" : px > style.Width - style.MarginRight - 30 ? "end" : "middle";
            sb.Append(CultureInfo.InvariantCulture,
                $"<line class=\"xgrid\" x1=\"{N(px)}\" x2=\"{N(px)}\" y1=\"{style.MarginTop}\" y2=\"{N(style.PlotBottom + 4)}\" stroke=\"#eef0f3\"/>");
            sb.Append(CultureInfo.InvariantCulture,
                $"<text class=\"xtick\" x=\"{N(px)}\" y=\"{N(style.PlotBottom + 16)}\" text-anchor=\"{anchor}\" fill=\"#555\">{Escape(xLabel(x))}</text>");
        }

        var path = new StringBuilder(points.Count * 14);
        for (var i = 0; i < points.Count; i++)
        {
            path.Append(i == 0 ? 'M' : 'L').Append(N(Px(points[i].X))).Append(' ').Append(N(Py(points[i].Y)));
        }

        sb.Append(CultureInfo.InvariantCulture,
            $"<path class=\"line\" d=\"{path}\" fill=\"none\" stroke=\"{style.Color}\" stroke-width=\"1.5\" stroke-linejoin=\"round\" data-points=\"{points.Count}\"/>");
        if (points.Count == 1)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"<circle cx=\"{N(Px(points[0].X))}\" cy=\"{N(Py(points[0].Y))}\" r=\"3\" fill=\"{style.Color}\"/>");
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    private static double[] EvenTicks(double minX, double spanX, int count) =>
        count == 1 ? [minX] : [.. Enumerable.Range(0, count).Select(t => minX + (spanX * t / (count - 1)))];
}
