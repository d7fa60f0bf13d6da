namespace OrderPipeline.Dashboard.Charts;

/// Axis ticks at round numbers (1, 2 or 5 times a power of ten), the classic "nice numbers" rule, so
/// an axis reads 0, 200, 400 rather than 0, 187, 374.
public static class NiceScale
{
    public static (double Max, double Step) For(double dataMax, int targetTicks = 5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(targetTicks, 1);
        if (double.IsNaN(dataMax) || dataMax <= 0)
        {
            return (1, 1);
        }

        var step = NiceStep(dataMax / targetTicks);
        return (Math.Ceiling(dataMax / step) * step, step);
    }

    private static double NiceStep(double rough)
    {
        var exponent = Math.Floor(Math.Log10(rough));
        var magnitude = Math.Pow(10, exponent);
        var fraction = rough / magnitude;
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        // Counts are integers: a step below 1 would label the axis 0.2, 0.4, ...
        return Math.Max(1, nice * magnitude);
    }
}
