using System.Globalization;
using System.Xml.Linq;
using OrderPipeline.Dashboard.Charts;

namespace OrderPipeline.Dashboard.Tests.Unit;

public class SvgChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static double Attr(XElement e, string name) => double.Parse(e.Attribute(name)!.Value, CultureInfo.InvariantCulture);

    [Fact]
    public void Should_DrawOneBarPerCategory_With_HeightsProportionalToValues()
    {
        // Given three categories
        (string, double)[] bars = [("a", 10), ("b", 20), ("c", 5)];

        // When rendered
        var doc = XDocument.Parse(SvgBarChart.Render("t", bars));

        // Then there are three bars whose heights keep the ratios of the values
        var rects = doc.Descendants(Svg + "rect").Where(r => r.Attribute("class")?.Value == "bar").ToList();
        Assert.Equal(3, rects.Count);
        Assert.Equal(["a", "b", "c"], rects.Select(r => r.Attribute("data-label")!.Value));
        Assert.Equal(2.0, Attr(rects[1], "height") / Attr(rects[0], "height"), 2);
        Assert.Equal(0.5, Attr(rects[2], "height") / Attr(rects[0], "height"), 2);
        // and every bar stands on the same baseline
        Assert.Single(rects.Select(r => Math.Round(Attr(r, "y") + Attr(r, "height"), 1)).Distinct());
    }

    [Fact]
    public void Should_KeepTallestBarInsidePlot_When_ValuesAreLarge()
    {
        var style = new ChartStyle();
        var doc = XDocument.Parse(SvgBarChart.Render("t", [("x", 987_654), ("y", 1)], style));

        var tallest = doc.Descendants(Svg + "rect").Max(r => Attr(r, "height"));
        Assert.InRange(tallest, style.PlotHeight * 0.5, style.PlotHeight);
        Assert.Contains(doc.Descendants(Svg + "text"), t => t.Value == "1M");
    }

    [Fact]
    public void Should_EscapeLabels_When_TheyContainMarkup()
    {
        var svg = SvgBarChart.Render("<title> & co", [("<script>alert(1)</script>", 1)]);

        var doc = XDocument.Parse(svg);
        Assert.DoesNotContain("<script>", svg, StringComparison.Ordinal);
        Assert.Equal("<script>alert(1)</script>", doc.Descendants(Svg + "rect").Single().Attribute("data-label")!.Value);
    }

    [Fact]
    public void Should_SayNoData_When_SeriesIsEmpty()
    {
        var doc = XDocument.Parse(SvgBarChart.Render("t", []));

        Assert.Empty(doc.Descendants(Svg + "rect"));
        Assert.Contains(doc.Descendants(Svg + "text"), t => t.Value == "No data yet");
    }

    [Fact]
    public void Should_DrawOnePathVertexPerPoint_When_LineChart()
    {
        (double, double)[] points = [(0, 1), (1, 3), (2, 2), (3, 0)];

        var doc = XDocument.Parse(SvgLineChart.Render("t", points, x => x.ToString(CultureInfo.InvariantCulture)));

        var path = doc.Descendants(Svg + "path").Single();
        var d = path.Attribute("d")!.Value;
        Assert.Equal(4, d.Count(c => c is 'M' or 'L'));
        Assert.Equal("4", path.Attribute("data-points")!.Value);
    }

    [Fact]
    public void Should_PutHighestPointAtTopOfScale_When_LineChart()
    {
        var style = new ChartStyle();
        var doc = XDocument.Parse(SvgLineChart.Render("t", [(0, 0), (1, 10)], _ => "", style));

        var d = doc.Descendants(Svg + "path").Single().Attribute("d")!.Value;
        var ys = d.Split(['M', 'L'], StringSplitOptions.RemoveEmptyEntries)
            .Select(p => double.Parse(p.Split(' ')[1], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(style.PlotBottom, ys[0], 1);
        Assert.Equal(style.MarginTop, ys[1], 1);
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(7, 8, 2)]
    [InlineData(10, 10, 2)]
    [InlineData(93, 100, 20)]
    [InlineData(3133, 4000, 1000)]
    [InlineData(1_000_000, 1_000_000, 200_000)]
    public void Should_ChooseRoundTicks(double dataMax, double expectedMax, double expectedStep)
    {
        var (max, step) = NiceScale.For(dataMax);

        Assert.Equal(expectedMax, max);
        Assert.Equal(expectedStep, step);
    }
}
