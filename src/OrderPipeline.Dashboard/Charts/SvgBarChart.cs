using System.Globalization;
using System.Text;
using static OrderPipeline.Dashboard.Charts.SvgWriter;

namespace OrderPipeline.Dashboard.Charts;

/// A vertical bar chart as a standalone SVG document. Each bar carries its label and value as data
/// attributes and a tooltip, so the page (and tests) can read the numbers back.
public static class SvgBarChart
{
    private const double CharWidth = 6.2;

    public static string Render(string title, IReadOnlyList<(string Label, double Value)> bars, ChartStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(bars);
        style ??= new ChartStyle();
        var sb = new StringBuilder(4096);
        Open(sb, style, title);
        if (bars.Count == 0)
        {
            Empty(sb, style);
            return sb.ToString();
        }

        var max = YAxis(sb, style, bars.Max(b => b.Value));
        var band = style.PlotWidth / bars.Count;
        var barWidth = Math.Max(1, band * 0.78);
        var longest = bars.Max(b => b.Label.Length) * CharWidth;
        var rotate = longest > band - 2;
        // Show every n-th label when even rotated labels would overlap.
        var every = rotate ? Math.Max(1, (int)Math.Ceiling(14 / band)) : 1;

        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var height = Math.Max(0, value) / max * style.PlotHeight;
            var x = style.MarginLeft + (i * band) + ((band - barWidth) / 2);
            var y = style.PlotBottom - height;
            sb.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"bar\" x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(barWidth)}\" height=\"{N(height)}\" fill=\"{style.Color}\" data-label=\"{Escape(label)}\" data-value=\"{N(value)}\"><title>{Escape(label)}: {Count(value)}</title></rect>");

            if (i % every != 0)
            {
                continue;
            }

            var cx = style.MarginLeft + (i * band) + (band / 2);
            var ly = style.PlotBottom + 14;
            var placement = rotate
                ? $"text-anchor=\"end\" transform=\"rotate(-35 {N(cx)} {N(ly)})\""
                : "text-anchor=\"middle\"";
            sb.Append(CultureInfo.InvariantCulture,
                $"<text class=\"xtick\" x=\"{N(cx)}\" y=\"{N(ly)}\" {placement} fill=\"#555\">{Escape(label)}</text>");
        }

        sb.Append("</svg>");
        return sb.ToString();
    }
}
