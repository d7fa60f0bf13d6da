namespace OrderPipeline.Bench.Suites;

/// The Cassandra insert figures of one run: ours (CqlSession), the DataStax Python driver and cassandra-stress,
/// all prepared QUORUM inserts into the same scratch table shape, measured one after the other.
public sealed class CqlSuite
{
    public CqlFigures? Ours { get; set; }
    public CqlFigures? Python { get; set; }
    public CqlFigures? Stress { get; set; }

    /// The best of several runs is not quoted; each entry keeps every run so the median and spread are reported.
    public List<CqlFigures> OursRuns { get; } = [];
    public List<CqlFigures> PythonRuns { get; } = [];
    public List<CqlFigures> StressRuns { get; } = [];

    public static CqlFigures? Median(IReadOnlyList<CqlFigures> runs) =>
        runs.Count == 0 ? null : runs.OrderBy(r => r.RowsPerSecond).ElementAt((runs.Count - 1) / 2);
}
