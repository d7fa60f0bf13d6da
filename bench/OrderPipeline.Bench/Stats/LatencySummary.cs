namespace OrderPipeline.Bench.Stats;

/// p50/p95/p99/max of a set of latencies in milliseconds.
public sealed record LatencySummary(int Count, double P50, double P95, double P99, double Max)
{
    public static LatencySummary Of(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        return new LatencySummary(
            sorted.Length,
            Percentiles.OfSorted(sorted, 50),
            Percentiles.OfSorted(sorted, 95),
            Percentiles.OfSorted(sorted, 99),
            sorted.Length == 0 ? double.NaN : sorted[^1]);
    }
}
