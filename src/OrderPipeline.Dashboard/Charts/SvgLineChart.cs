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
        ChartStyle? style = null)
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

        const int xTicks = 6;
        for (var t = 0; t < xTicks; t++)
        {
            var x = points.Count == 1 ? minX : minX + (spanX * t / (xTicks - 1));
            var anchor = t == 0 ? "start" : t == xTicks - 1 ? "end" : "middle";
            sb.Append(CultureInfo.InvariantCulture,
                $"<text class=\"xtick\" x=\"{N(Px(x))}\" y=\"{N(style.PlotBottom + 16)}\" text-anchor=\"{anchor}\" fill=\"#555\">{Escape(xLabel(x))}</text>");
            if (points.Count == 1)
            {
                break;
            }
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
}
