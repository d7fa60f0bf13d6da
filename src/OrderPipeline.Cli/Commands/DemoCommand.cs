using System.ComponentModel;
using System.Diagnostics;
using OrderPipeline.Consumer;
using OrderPipeline.Consumer.Cassandra;
using OrderPipeline.Consumer.Verification;
using OrderPipeline.Kafka;
using OrderPipeline.Producer;
using OrderPipeline.Stack;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrderPipeline.Cli.Commands;

internal sealed class DemoSettings : CommandSettings
{
    [CommandOption("--csv <PATH>")]
    [Description("Orders CSV to run through the pipeline (default: the bundled data/olist_orders_sample.csv).")]
    public string? CsvPath { get; init; }

    [CommandOption("--until-idle <SECONDS>")]
    [Description("The consumer stops once no message arrived for this long (default 5).")]
    public double UntilIdle { get; init; } = 5;
}

[Description("The whole pipeline on a local stack: stack up, schema, produce, consume, verify (re-runnable).")]
internal sealed class DemoCommand(IAnsiConsole console) : AsyncCommand<DemoSettings>
{
    private const string Keyspace = "ecommerce";

    public override async Task<int> ExecuteAsync(CommandContext context, DemoSettings settings, CancellationToken cancellationToken)
    {
        var csv = settings.CsvPath ?? FindBundledSample();
        if (csv is null || !File.Exists(csv))
        {
            console.MarkupLineInterpolated($"[red]CSV not found:[/] {csv ?? "data/olist_orders_sample.csv"} (pass --csv PATH).");
            return ExitCodes.UserError;
        }

        var timings = new List<(string Step, TimeSpan Took)>();
        var clock = Stopwatch.StartNew();

        console.Write(new Rule("[bold]1. Local stack (1 Kafka broker + 1 Cassandra node)[/]").LeftJustified());
        StackInfo stack;
        try
        {
            stack = await new LocalStack(StackOptions.FromEnvironment()).UpAsync(StackTopology.OneEach, cancellationToken);
        }
        catch (StackException ex)
        {
            console.MarkupLineInterpolated($"[red]Could not start the local stack:[/] {ex.Message}");
            return ExitCodes.Unavailable;
        }

        var bootstrap = stack.Layout.BootstrapServers;
        var contactPoints = string.Join(',', stack.Layout.CassandraContactPoints);
        console.WriteLine($"Kafka {bootstrap}, Cassandra {contactPoints}");
        Lap(timings, "stack up", clock);

        console.Write(new Rule("[bold]2. Schema (replication factor 1)[/]").LeftJustified());
        await using var cassandra = await CassandraCli.TryConnectAsync(console, contactPoints, cancellationToken);
        if (cassandra is null)
        {
            return ExitCodes.Unavailable;
        }

        var statements = await SchemaApplier.ApplyAsync(cassandra, 1, Keyspace, cancellationToken);
        console.WriteLine($"{statements} statements applied (IF NOT EXISTS)");
        Lap(timings, "schema apply", clock);

        console.Write(new Rule($"[bold]3. Produce {Path.GetFileName(csv)}[/]").LeftJustified());
        var kafka = new KafkaOptions { BootstrapServers = bootstrap }.Validate();
        var produced = await new OrderFileProducer(kafka).RunAsync(new ProduceRequest { CsvPath = csv }, new ProduceStats(), cancellationToken);
        console.WriteLine($"Delivered {produced.Delivered:N0} orders to {produced.Topic} ({produced.Partitions} partitions) in {produced.Elapsed.TotalSeconds:F1} s; CSV {produced.Cleaning}");
        if (!produced.Succeeded)
        {
            console.MarkupLineInterpolated($"[red]Produce failed:[/] {produced.FirstError}");
            return ExitCodes.Unavailable;
        }

        Lap(timings, "produce", clock);

        console.Write(new Rule("[bold]4. Consume into Cassandra (QUORUM) until idle[/]").LeftJustified());
        var store = await ConsumerRunner.TryPrepareStoreAsync(console, cassandra, Keyspace, cancellationToken);
        if (store is null)
        {
            return ExitCodes.Unavailable;
        }

        var options = new ConsumerOptions
        {
            Kafka = kafka,
            ContactPoints = contactPoints,
            Keyspace = Keyspace,
            UntilIdle = TimeSpan.FromSeconds(settings.UntilIdle),
            Capabilities = produced.Broker,
        };
        var consumed = await ConsumerRunner.RunAsync(console, options, store, verbose: false, cancellationToken);
        if (consumed.Result.ExitCode != 0)
        {
            console.MarkupLineInterpolated($"[red]Consumer ended with:[/] {consumed.Result.Outcome} {consumed.Result.Error}");
            return consumed.Result.ExitCode;
        }

        Lap(timings, "consume", clock);

        console.Write(new Rule("[bold]5. Verify (QUORUM reads)[/]").LeftJustified());
        var report = await OrderVerifier.VerifyAsync(csv, new CqlOrderTableReader(cassandra, Keyspace), 10, cancellationToken);
        VerifyOutput.WriteReport(console, report);
        await VerifyOutput.WriteSampleAsync(console, cassandra, Keyspace, 10, cancellationToken);
        Lap(timings, "verify", clock);

        var summary = new Table().AddColumns("step", "seconds");
        foreach (var (step, took) in timings)
        {
            summary.AddRow(step, took.TotalSeconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture));
        }

        summary.AddRow("[bold]total[/]", timings.Sum(t => t.Took.TotalSeconds).ToString("F1", System.Globalization.CultureInfo.InvariantCulture));
        console.Write(summary);
        console.MarkupLineInterpolated(
            $"{(report.Result.AllMatch ? "[green]Demo passed[/]" : "[red]Demo failed[/]")}: {produced.Delivered:N0} produced, {consumed.Stats.Stored:N0} stored, {consumed.Stats.DeadLettered:N0} dead-lettered, {report.Result.Matched:N0}/{report.Result.Expected:N0} verified. Stop the stack with: orderpipeline stack down");
        return report.Result.AllMatch ? ExitCodes.Ok : ExitCodes.UserError;
    }

    private static void Lap(List<(string, TimeSpan)> timings, string step, Stopwatch clock)
    {
        timings.Add((step, clock.Elapsed));
        clock.Restart();
    }

    /// <summary>data/olist_orders_sample.csv in the current directory or above the installed CLI (a repo checkout).</summary>
    private static string? FindBundledSample()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data", "olist_orders_sample.csv");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
