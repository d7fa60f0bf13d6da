using System.ComponentModel;
using OrderPipeline.Kafka;
using OrderPipeline.Orders.Csv;
using OrderPipeline.Producer;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrderPipeline.Cli.Commands.Produce;

internal sealed class ProduceSettings : CommandSettings
{
    [CommandOption("--csv <PATH>")]
    [Description("The orders CSV file (the Olist format).")]
    public string? Csv { get; init; }

    [CommandOption("--rate <N>")]
    [Description("Simulate real-time arrival at N orders per second (default: as fast as possible).")]
    public double? Rate { get; init; }

    [CommandOption("--limit <N>")]
    [Description("Send at most N orders (rejected rows do not count).")]
    public long? Limit { get; init; }

    [CommandOption("--verbose")]
    [Description("Print one line per delivered message: 'Message delivered to ecommerce-orders [[2]]'.")]
    public bool Verbose { get; init; }

    [CommandOption("--bootstrap-servers <LIST>")]
    [Description("Kafka brokers, host:port[[,host:port]] (default 127.0.0.1:9092, or the stack's subnet).")]
    public string? BootstrapServers { get; init; }

    [CommandOption("--topic <NAME>")]
    [Description("Target topic (default ecommerce-orders).")]
    public string? Topic { get; init; }

    [CommandOption("--rejects <PATH>")]
    [Description("Where rejected rows go (CSV: line,reason,detail,raw). Default: <input>.rejects.csv next to the input.")]
    public string? Rejects { get; init; }

    [CommandOption("--kafka-profile <PROFILE>")]
    [Description("auto (probe the broker), legacy-0.9 or modern.")]
    public string? KafkaProfile { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Csv))
        {
            return ValidationResult.Error("--csv PATH is required.");
        }

        if (Rate is <= 0)
        {
            return ValidationResult.Error("--rate must be a positive number of orders per second.");
        }

        return Limit is < 0 ? ValidationResult.Error("--limit must not be negative.") : ValidationResult.Success();
    }
}

/// <summary>`orderpipeline produce --csv PATH`: cleans the CSV and publishes the orders to Kafka.</summary>
internal sealed class ProduceCommand(IAnsiConsole console) : AsyncCommand<ProduceSettings>
{
    // The CLI's exit codes (docs/architecture.md).
    private const int Ok = 0;
    private const int UserError = 1;
    private const int Unavailable = 2;
    private const int Cancelled = 130;

    public override async Task<int> ExecuteAsync(CommandContext context, ProduceSettings settings, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // First Ctrl+C: stop reading, drain what is in flight, print the summary. A second one kills.
            e.Cancel = !cts.IsCancellationRequested;
            cts.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var options = KafkaCliOptions.Resolve(settings.BootstrapServers, settings.Topic, settings.KafkaProfile);
            var stats = new ProduceStats();
            var request = new ProduceRequest
            {
                CsvPath = settings.Csv!,
                RatePerSecond = settings.Rate,
                Limit = settings.Limit,
                RejectsPath = settings.Rejects,
                OnDelivered = settings.Verbose ? (topic, partition) => console.WriteLine($"Message delivered to {topic} [{partition}]") : null,
            };
            var run = new OrderFileProducer(options).RunAsync(request, stats, cts.Token);
            await ProduceProgress.ShowAsync(console, run, stats, live: !settings.Verbose);
            var result = await run;
            ProduceSummary.Render(console, result);
            return result.Cancelled ? Cancelled : result.Succeeded ? Ok : Unavailable;
        }
        catch (KafkaUnavailableException ex)
        {
            console.MarkupLineInterpolated($"[red]produce: {ex.Message}[/]");
            return Unavailable;
        }
        catch (Exception ex) when (ex is OrderCsvFormatException or FileNotFoundException or ArgumentException or UnauthorizedAccessException or IOException)
        {
            console.MarkupLineInterpolated($"[red]produce: {ex.Message}[/]");
            return UserError;
        }
        catch (InvalidOperationException ex)
        {
            // The topic could not be created or found (the broker answered, but not usefully).
            console.MarkupLineInterpolated($"[red]produce: {ex.Message}[/]");
            return Unavailable;
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            console.MarkupLine("[yellow]produce: cancelled before sending anything.[/]");
            return Cancelled;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
