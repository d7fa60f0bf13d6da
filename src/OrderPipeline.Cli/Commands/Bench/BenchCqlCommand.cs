using OrderPipeline.Bench.Suites;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrderPipeline.Cli.Commands.Bench;

/// `bench cql --rows N --concurrency C`: our prepared QUORUM inserts next to the Python driver and
/// cassandra-stress, in the same run.
internal sealed class BenchCqlCommand(IAnsiConsole console) : AsyncCommand<BenchCqlSettings>
{
    public BenchCqlCommand()
        : this(AnsiConsole.Console)
    {
    }

    public override async Task<int> ExecuteAsync(CommandContext context, BenchCqlSettings settings, CancellationToken cancellationToken)
    {
        var (environment, _) = await BenchSetup.CreateAsync(cancellationToken);
        var report = new BenchReport();
        void Log(string m) => BenchOutput.Log(console, Markup.Escape(m));
        var cql = new CqlSuite(environment, Log);
        await cql.RunAsync(settings.Rows, settings.Concurrency, settings.Repeats, !settings.NoPeers, report, cancellationToken);
        report.Tables.Add(cql.Table());
        report.Preamble.Add($"Servers: the local stack on {environment.Subnet}.x (1 Kafka broker, 1 Cassandra 2.1.0 node); load average at start: {BenchOutput.LoadAverage()}.");
        BenchOutput.Print(console, report);
        if (!settings.NoWrite)
        {
            var file = BenchOutput.Write(environment, "cql",
                $"orderpipeline bench cql --rows {settings.Rows} --concurrency {settings.Concurrency} --repeats {settings.Repeats}", report);
            console.MarkupLineInterpolated($"Written to [bold]{file}[/]");
        }

        return cql.Ours is null ? 2 : 0;
    }
}
