using OrderPipeline.Bench;
using OrderPipeline.Bench.Cql;
using OrderPipeline.Bench.Peers;
using OrderPipeline.Bench.Reporting;
using OrderPipeline.Bench.Suites;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrderPipeline.Cli.Commands.Bench;

/// `bench all`: everything issue 7 lists, on the same generated input and the same servers, into BENCHMARKS.md
/// with the chart. Each step that cannot run is listed as not measured (with the reason), never estimated.
internal sealed class BenchAllCommand(IAnsiConsole console) : AsyncCommand<BenchAllSettings>
{
    private const int CqlConcurrency = 128;
    private static readonly int[] LatencyRates = [500, 2000, 5000];

    public BenchAllCommand()
        : this(AnsiConsole.Console)
    {
    }

    public override async Task<int> ExecuteAsync(CommandContext context, BenchAllSettings settings, CancellationToken cancellationToken)
    {
        var (environment, topics) = await BenchSetup.CreateAsync(cancellationToken);
        var report = new BenchReport();
        void Log(string m) => BenchOutput.Log(console, Markup.Escape(m));
        report.Preamble.Add($"Servers: the local stack on {environment.Subnet}.x (1 Kafka 0.9.0.1 broker, 1 Cassandra 2.1.0 node); "
            + $"load average at start: {BenchOutput.LoadAverage()} (other work on the machine shares its cores).");
        report.Preamble.Add($"Each timing runs {settings.Repeats} times: median, with min-max in brackets.");

        await report.StepAsync("schema", async () => { await SchemaSetup.ApplyAsync(environment, cancellationToken); return report; }, Log);
        Log($"generating {settings.Rows} orders (seed {settings.Seed})");
        var csv = BenchInputs.GenerateCsv(environment, settings.Rows, settings.Seed, cancellationToken);

        var baseline = new BaselineSuite(environment, topics, Log);
        await report.StepAsync("baseline (reference design)", async () =>
        {
            await baseline.RunAsync(csv, settings.Rows, settings.Repeats, "ecommerce", "orders", cancellationToken);
            return baseline;
        }, Log);

        var ours = new PipelineSuite(environment, topics, Log);
        await report.StepAsync("ours produce/consume", async () => { await ours.RunAsync(csv, settings.Rows, settings.Repeats, cancellationToken); return ours; }, Log);

        var kafka = new KafkaCeilingSuite(environment, topics, Log);
        await report.StepAsync("kcat ceiling", async () => { await kafka.RunAsync(csv, settings.Rows, settings.Repeats, cancellationToken); return kafka; }, Log);

        var cql = new CqlSuite(environment, Log);
        await cql.RunAsync(settings.Rows, CqlConcurrency, settings.Repeats, peers: true, report, cancellationToken);
        await cql.RunConsumerWritesAsync(csv, settings.Repeats, report, cancellationToken);

        var scaling = new ScalingSuite(environment, topics, Log);
        await report.StepAsync("consumer scaling", async () => { await scaling.RunAsync(csv, settings.Rows, settings.Repeats, cancellationToken); return scaling; }, Log);

        var latency = new LatencySuite(environment, topics, Log);
        await report.StepAsync("latency", async () => { await latency.RunAsync(csv, LatencyRates, settings.LatencySeconds, cancellationToken); return latency; }, Log);

        var big = new PipelineSuite(environment, topics, Log);
        await report.StepAsync($"memory at {settings.MemoryRows} orders", async () =>
        {
            Log($"generating {settings.MemoryRows} orders for the memory run");
            var bigCsv = BenchInputs.GenerateCsv(environment, settings.MemoryRows, settings.Seed, cancellationToken);
            await big.RunAsync(bigCsv, settings.MemoryRows, 1, cancellationToken);
            return big;
        }, Log);

        report.Tables.Add(ComparisonTables.EndToEnd(settings.Rows, baseline, ours));
        report.Tables.Add(ComparisonTables.Ceilings(ours, kafka, cql.Ours, cql.Stress, cql.ConsumerWrites));
        report.Tables.Add(cql.Table());
        report.Tables.Add(scaling.Table());
        report.Tables.Add(latency.Table());
        report.Tables.Add(MemoryTables.PeakRss([(settings.Rows, ours), (settings.MemoryRows, big)], baseline, settings.Rows));
        AddChartData(report, baseline, ours, kafka, cql, latency);
        BenchOutput.Print(console, report);

        if (!settings.NoWrite)
        {
            var chart = Path.Combine(environment.RepositoryRoot, "docs", "images", "bench-throughput-latency.png");
            BenchChart.Save(chart, report.Throughput, report.Latency);
            report.Preamble.Add("Chart: ![throughput and latency](docs/images/bench-throughput-latency.png)");
            var file = BenchOutput.Write(environment, "all",
                $"orderpipeline bench all --rows {settings.Rows} --memory-rows {settings.MemoryRows} --repeats {settings.Repeats} --latency-seconds {settings.LatencySeconds}",
                report);
            console.MarkupLineInterpolated($"Written to [bold]{file}[/] and [bold]{chart}[/]");
        }

        return report.NotMeasured.Count == 0 ? 0 : 2;
    }

    private static void AddChartData(BenchReport report, BaselineSuite baseline, PipelineSuite ours, KafkaCeilingSuite kafka, CqlSuite cql,
        LatencySuite latency)
    {
        void Add(string label, StageFigures stage)
        {
            if (stage.Measured)
            {
                report.Throughput.Add((label, stage.Rate.Median));
            }
        }

        Add("baseline produce (flush/msg)", baseline.ProduceFlushPerMessage);
        Add("baseline produce (no flush)", baseline.ProduceNoFlush);
        Add("ours produce", ours.Produce);
        Add("kcat produce", kafka.Produce);
        Add("baseline consume", baseline.Consume);
        Add("ours consume", ours.Consume);
        if (cql.Python is { } python)
        {
            report.Throughput.Add(("Python driver inserts", python.RowsPerSecond));
        }

        if (cql.Ours is { } o)
        {
            report.Throughput.Add(("ours bench cql inserts", o.RowsPerSecond));
        }

        if (cql.Stress is { } s)
        {
            report.Throughput.Add(("cassandra-stress inserts", s.RowsPerSecond));
        }

        foreach (var (rate, summary, _, _) in latency.Results)
        {
            report.Latency.Add((rate, summary.P50, summary.P95, summary.P99));
        }
    }
}
