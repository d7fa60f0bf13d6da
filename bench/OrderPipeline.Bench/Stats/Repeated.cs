namespace OrderPipeline.Bench.Stats;

/// A figure measured several times: the median is quoted, the spread says how far the runs disagreed.
public sealed record Repeated(IReadOnlyList<double> Values)
{
    public double Median => Percentiles.Of(Values, 50);
    public double Min => Values.Count == 0 ? double.NaN : Values.Min();
    public double Max => Values.Count == 0 ? double.NaN : Values.Max();

    /// (max - min) / median, the run-to-run disagreement as a fraction of the quoted figure.
    public double Spread => Values.Count < 2 || Median == 0 ? 0 : (Max - Min) / Median;

    public static Repeated Of(IEnumerable<double> values) => new([.. values]);
}
