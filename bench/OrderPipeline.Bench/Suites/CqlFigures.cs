namespace OrderPipeline.Bench.Suites;

/// One CQL insert measurement: who, how (threads/concurrency), rows/s and, where known, latency and allocation.
public sealed record CqlFigures(string Who, string Label, long Rows, double Seconds, double RowsPerSecond)
{
    public double P50Ms { get; init; } = double.NaN;
    public double P99Ms { get; init; } = double.NaN;
    public double AllocatedBytesPerInsert { get; init; } = double.NaN;

    /// Our process's CPU time (user + system, all threads) over the timed inserts, per insert; NaN for peers.
    public double CpuMicrosecondsPerInsert { get; init; } = double.NaN;
}
