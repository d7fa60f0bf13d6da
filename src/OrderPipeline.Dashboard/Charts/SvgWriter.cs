using System.Globalization;
using System.Text;

namespace OrderPipeline.Dashboard.Charts;

/// Small helpers shared by the chart renderers: invariant number formatting and XML escaping.
internal static class SvgWriter
{
    public const string FontFamily = "system-ui, -apple-system, 'Segoe UI', 'DejaVu Sans', sans-serif";

    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Count(double value) =>
        value >= 1_000_000 ? (value / 1_000_000).ToString("0.#", CultureInfo.InvariantCulture) + "M"
        : value >= 10_000 ? (value / 1_000).ToString("0.#", CultureInfo.InvariantCulture) + "k"
        : value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => sb.Append("&amp;"),
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                '"' => sb.Append("&quot;"),
                '\'' => sb.Append("&apos;"),
                // XML 1.0 forbids most control characters, even escaped.
                _ when char.IsControl(c) && c is not '\t' and not '\n' and not '\r' => sb,
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }

    public static void Open(StringBuilder sb, ChartStyle style, string title)
    {
        sb.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {style.Width} {style.Height}\" width=\"{style.Width}\" height=\"{style.Height}\" role=\"img\" aria-label=\"{Escape(title)}\" font-family=\"{FontFamily}\" font-size=\"11\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title>{Escape(title)}</title>");
    }

    public static void Empty(StringBuilder sb, ChartStyle style)
    {
        sb.Append(CultureInfo.InvariantCulture,
            $"<text class=\"empty\" x=\"{N(style.Width / 2.0)}\" y=\"{N(style.Height / 2.0)}\" text-anchor=\"middle\" fill=\"#777\" font-size=\"14\">No data yet</text></svg>");
    }

    /// Horizontal grid lines with their labels; returns the y scale maximum.
    public static double YAxis(StringBuilder sb, ChartStyle style, double dataMax)
    {
        var (max, step) = NiceScale.For(dataMax);
        for (var v = 0.0; v <= max + step / 2; v += step)
        {
            var y = style.PlotBottom - (v / max * style.PlotHeight);
            sb.Append(CultureInfo.InvariantCulture,
                $"<line class=\"grid\" x1=\"{style.MarginLeft}\" x2=\"{style.Width - style.MarginRight}\" y1=\"{N(y)}\" y2=\"{N(y)}\" stroke=\"#e3e6ea\"/>");
            sb.Append(CultureInfo.InvariantCulture,
                $"<text class=\"ytick\" x=\"{style.MarginLeft - 6}\" y=\"{N(y + 4)}\" text-anchor=\"end\" fill=\"#555\">{Count(v)}</text>");
        }

        sb.Append(CultureInfo.InvariantCulture,
            $"<line class=\"axis\" x1=\"{style.MarginLeft}\" x2=\"{style.Width - style.MarginRight}\" y1=\"{N(style.PlotBottom)}\" y2=\"{N(style.PlotBottom)}\" stroke=\"#888\"/>");
        return max;
    }
}
