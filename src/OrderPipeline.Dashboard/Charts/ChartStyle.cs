namespace OrderPipeline.Dashboard.Charts;

/// Size and colours of one chart; the plot area is what remains inside the margins.
public sealed record ChartStyle
{
    public int Width { get; init; } = 560;

    public int Height { get; init; } = 240;

    public int MarginLeft { get; init; } = 52;

    public int MarginRight { get; init; } = 12;

    public int MarginTop { get; init; } = 12;

    public int MarginBottom { get; init; } = 44;

    public string Color { get; init; } = "#3b6ea8";

    public double PlotWidth => Width - MarginLeft - MarginRight;

    public double PlotHeight => Height - MarginTop - MarginBottom;

    public double PlotBottom => Height - MarginBottom;
}
