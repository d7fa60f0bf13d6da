using OrderPipeline.Bench;
using OrderPipeline.Bench.Cql;
using OrderPipeline.Bench.Suites;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrderPipeline.Cli.Commands.Bench;

/// `bench pipeline --rows N`: generate N orders, run our produce and consume as child processes, and in the
/// same run the Kafka ceiling (kcat) and the Cassandra ceiling (bench cql).
internal sealed class BenchPipelineCommand(IAnsiConsole console) : AsyncCommand<BenchPipelineSettings>
{
    private const int CqlConcurrency = 128;

    public BenchPipelineCommand()
        : this(AnsiConsole.Console)
    {
    }

    public override async Task<int> ExecuteAsync(CommandContext context, BenchPipelineSettings settings, CancellationToken cancellationToken)
    {
        var (environment, topics) = await BenchSetup.CreateAsync(cancellationToken);
        var report = new BenchReport();
        void Log(string m) => BenchOutput.Log(console, Markup.Escape(m));
        report.Preamble.Add($"Servers: the local stack on {environment.Subnet}.x (1 Kafka 0.9.0.1 broker, 1 Cassandra 2.1.0 node); "
            + $"load average at start: {BenchOutput.LoadAverage()}.");
        await report.StepAsync("schema", async () => { await SchemaSetup.ApplyAsync(environment, cancellationToken); return report; }, Log);
        var csv = await report.StepAsync("generate", () => Task.FromResult(OrderPipeline.Bench.Peers.BenchInputs.GenerateCsv(environment, settings.Rows, settings.Seed, cancellationToken)), Log);
        if (csv is null)
        {
            BenchOutput.Print(console, report);
            return 2;
        }

        var ours = new PipelineSuite(environment, topics, Log);
        await report.StepAsync("ours produce/consume", async () => { await ours.RunAsync(csv, settings.Rows, settings.Repeats, cancellationToken); return ours; }, Log);
        var kafka = new KafkaCeilingSuite(environment, topics, Log);
        await report.StepAsync("kcat ceiling", async () => { await kafka.RunAsync(csv, settings.Rows, settings.Repeats, cancellationToken); return kafka; }, Log);

        var cql = new CqlSuite(environment, Log);
        await cql.RunAsync(settings.Rows, CqlConcurrency, settings.Repeats, peers: false, report, cancellationToken);
        await cql.RunConsumerWritesAsync(csv, settings.Repeats, report, cancellationToken);

        report.Tables.Add(ComparisonTables.EndToEnd(settings.Rows, null, ours));
        report.Tables.Add(ComparisonTables.Ceilings(ours, kafka, cql.Ours, null, cql.ConsumerWrites));
        report.Tables.Add(cql.Table());
        report.Tables.Add(MemoryTables.PeakRss([(settings.Rows, ours)]));
        BenchOutput.Print(console, report);
        if (!settings.NoWrite)
        {
            var file = BenchOutput.Write(environment, "pipeline", $"orderpipeline bench pipeline --rows {settings.Rows} --repeats {settings.Repeats}", report);
            console.MarkupLineInterpolated($"Written to [bold]{file}[/]");
        }

        return report.NotMeasured.Count == 0 ? 0 : 2;
    }
}
