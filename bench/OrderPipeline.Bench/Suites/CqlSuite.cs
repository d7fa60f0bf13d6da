using System.Globalization;
using OrderPipeline.Bench.Cql;
using OrderPipeline.Bench.Peers;
using OrderPipeline.Bench.Reporting;
using OrderPipeline.Bench.Stats;

namespace OrderPipeline.Bench.Suites;

/// The Cassandra insert figures of one run: ours (CqlSession), the DataStax Python driver and cassandra-stress,
/// all prepared QUORUM inserts of orders-shaped rows, measured one after the other against the same node.
public sealed class CqlSuite(BenchEnvironment environment, Action<string> log)
{
    /// The Python driver saturates one core at a few thousand rows/s; its rate is steady well before this many.
    public const int PythonRowsCap = 50_000;

    public List<CqlFigures> OursRuns { get; } = [];
    public List<CqlFigures> PythonRuns { get; } = [];
    public List<CqlFigures> StressRuns { get; } = [];
    public List<CqlFigures> ConsumerWritesRuns { get; } = [];

    public CqlFigures? Ours => Median(OursRuns);
    public CqlFigures? Python => Median(PythonRuns);
    public CqlFigures? Stress => Median(StressRuns);
    public CqlFigures? ConsumerWrites => Median(ConsumerWritesRuns);

    public async Task RunAsync(int rows, int concurrency, int repeats, bool peers, BenchReport report, CancellationToken cancellationToken = default)
    {
        var peer = new CqlPeers(environment);
        for (var i = 1; i <= repeats; i++)
        {
            log($"bench cql run {i}/{repeats}: ours, {rows} rows, concurrency {concurrency}");
            var ours = await report.StepAsync("bench cql (ours)", async () => Logged(await OurCqlInsertBench.RunAsync(environment.ContactPoint, rows, concurrency, cancellationToken)));
            if (ours is not null)
            {
                OursRuns.Add(ours);
            }

            if (!peers)
            {
                continue;
            }

            log($"bench cql run {i}/{repeats}: Python driver, {Math.Min(rows, PythonRowsCap)} rows");
            var python = await report.StepAsync("bench cql (Python driver peer)", async () => Logged(await peer.PythonDriverAsync(Math.Min(rows, PythonRowsCap), concurrency, cancellationToken)));
            if (python is not null)
            {
                PythonRuns.Add(python);
            }

            log($"bench cql run {i}/{repeats}: cassandra-stress, {rows} rows, {concurrency} threads");
            var stress = await report.StepAsync("bench cql (cassandra-stress peer)", async () => Logged(await peer.CassandraStressAsync(rows, concurrency, cancellationToken)));
            if (stress is not null)
            {
                StressRuns.Add(stress);
            }
        }
    }

    /// The consumer's Cassandra ceiling (see <see cref="ConsumerWritesBench"/>) on the pipeline's own input.
    public async Task RunConsumerWritesAsync(string csv, int repeats, BenchReport report, CancellationToken cancellationToken = default)
    {
        for (var i = 1; i <= repeats; i++)
        {
            log($"consumer's writes without Kafka, run {i}/{repeats}");
            var figures = await report.StepAsync("bench cql (the consumer's writes)", async () => Logged(await ConsumerWritesBench.RunAsync(environment.ContactPoint, csv, cancellationToken)));
            if (figures is not null)
            {
                ConsumerWritesRuns.Add(figures);
            }
        }
    }

    private CqlFigures Logged(CqlFigures figures)
    {
        var ours = double.IsNaN(figures.CpuMicrosecondsPerInsert)
            ? ""
            : string.Create(CultureInfo.InvariantCulture, $", CPU {figures.CpuMicrosecondsPerInsert:0.0} us/insert, {figures.AllocatedBytesPerInsert:0} B/insert");
        log(string.Create(CultureInfo.InvariantCulture,
            $"{figures.Who}: {figures.RowsPerSecond:0} rows/s, p50 {figures.P50Ms:0.0} ms, p99 {figures.P99Ms:0.0} ms") + ours);
        return figures;
    }

    public ResultTable Table()
    {
        var table = new ResultTable("Cassandra inserts: prepared INSERT at QUORUM, orders-shaped rows (median of runs, min-max)",
            "client", "setting", "rows per run", "rows/s", "p50 ms", "p99 ms", "allocated per insert");
        foreach (var runs in new[] { OursRuns, PythonRuns, StressRuns }.Where(r => r.Count > 0))
        {
            var m = Median(runs)!;
            table.Add(m.Who, m.Label, Format.Count(m.Rows), Format.Spread(Repeated.Of(runs.Select(r => r.RowsPerSecond)), Format.Rate),
                Format.Ms(m.P50Ms), Format.Ms(m.P99Ms),
                double.IsNaN(m.AllocatedBytesPerInsert) ? "" : m.AllocatedBytesPerInsert.ToString("#,0", CultureInfo.InvariantCulture) + " B");
        }

        if (Ours is { } ours)
        {
            if (Python is { } python)
            {
                var ratio = ours.RowsPerSecond / python.RowsPerSecond;
                table.Notes.Add($"ours / Python driver = {Format.Ratio(ratio)}; target at least 3x: {Verdict.AtLeast(ratio, 3, Format.Ratio)}.");
            }

            if (Stress is { } stress)
            {
                var fraction = ours.RowsPerSecond / stress.RowsPerSecond;
                table.Notes.Add($"ours / cassandra-stress = {Format.Percent(fraction)}; target at least 90%: {Verdict.AtLeast(fraction, 0.9, Format.Percent)}.");
            }

            table.Notes.Add($"Allocated per insert (GC.GetTotalAllocatedBytes over the timed inserts / rows): "
                + $"{ours.AllocatedBytesPerInsert.ToString("#,0", CultureInfo.InvariantCulture)} B; target under 1 KB: "
                + Verdict.AtMost(ours.AllocatedBytesPerInsert, 1024, v => v.ToString("#,0", CultureInfo.InvariantCulture) + " B") + ".");
        }

        table.Notes.Add("cassandra-stress writes its own schema (keyspace1.standard1, 5 blob columns), not the orders table; the Python "
            + $"driver and ours write the same orders-shaped table (Python capped at {Format.Count(PythonRowsCap)} rows per run). "
            + "Client and servers share the machine's cores.");
        return table;
    }

    public static CqlFigures? Median(IReadOnlyList<CqlFigures> runs) =>
        runs.Count == 0 ? null : runs.OrderBy(r => r.RowsPerSecond).ElementAt((runs.Count - 1) / 2);
}
