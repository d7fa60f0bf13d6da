using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderPipeline.Consumer;
using OrderPipeline.Consumer.Writing;
using OrderPipeline.Kafka;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrderPipeline.Cli.Commands;

[Description("Consume orders from Kafka and store them in Cassandra at QUORUM (at-least-once, idempotent).")]
internal sealed class ConsumeCommand(IAnsiConsole console) : AsyncCommand<ConsumeSettings>
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(10);

    public override async Task<int> ExecuteAsync(CommandContext context, ConsumeSettings settings, CancellationToken cancellationToken)
    {
        var kafka = settings.ResolveKafka();
        kafka.DeadLetterTopic = settings.DeadLetterTopic;
        kafka.GroupId = settings.Group;
        var options = new ConsumerOptions
        {
            Kafka = kafka,
            ContactPoints = settings.ResolveContactPoints(),
            Keyspace = settings.Keyspace,
            MaxInFlight = settings.MaxInFlight,
            UntilIdle = settings.UntilIdle is { } idle ? TimeSpan.FromSeconds(idle) : null,
            MaxMessages = settings.MaxMessages,
            StartupTimeout = StartupTimeout,
        };
        try
        {
            options.Capabilities = await BrokerProbe.ResolveAsync(kafka, cancellationToken);
        }
        catch (KafkaUnavailableException ex)
        {
            console.MarkupLineInterpolated($"[red]{ex.Message}[/]");
            return ExitCodes.Unavailable;
        }

        await using var cassandra = await CassandraConnection.TryOpenAsync(console, options.ContactPoints, StartupTimeout, cancellationToken);
        if (cassandra is null)
        {
            return ExitCodes.Unavailable;
        }

        var store = new CassandraOrderStore(cassandra.Session, options.Keyspace);
        try
        {
            await store.PrepareAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is OrderPipeline.Cql.CqlException)
        {
            console.MarkupLineInterpolated(
                $"[red]Cannot prepare the inserts in keyspace {options.Keyspace}:[/] {ex.Message}. Run 'orderpipeline schema apply' first.");
            return ExitCodes.Unavailable;
        }

        var result = await RunAsync(options, store, settings.Verbose, cancellationToken);
        return Report(result);
    }

    /// <summary>Runs the worker in a Generic Host (Ctrl+C / SIGTERM stop it gracefully) with a live status line.</summary>
    internal async Task<ConsumerRunResult> RunAsync(ConsumerOptions options, IOrderStore store, bool verbose, CancellationToken cancellationToken)
    {
        var output = new Lock();
        var stats = new ConsumerStats();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(
            o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.AddOrderConsumer(
            options,
            store,
            verbose ? new ConsoleConsumerObserver(console, output) : null,
            stats);
        using var host = builder.Build();
        var status = new ConsumerStatusText(stats, TimeProvider.System);
        var started = TimeProvider.System.GetTimestamp();
        using var stopStatus = new CancellationTokenSource();
        var statusTask = ShowStatusAsync(status, output, stopStatus.Token);
        await host.RunAsync(cancellationToken);
        await stopStatus.CancelAsync();
        await statusTask;
        var result = host.Services.GetRequiredService<ConsumerRunResultHolder>().Result
            ?? new ConsumerRunResult(ConsumerRunOutcome.Stopped, 0, null);
        var seconds = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
        console.MarkupLineInterpolated(
            $"[bold]Consumed[/] {stats.Received:N0} messages in {seconds:F1} s ({(seconds > 0 ? stats.Stored / seconds : 0):N0} orders/s): stored {stats.Stored:N0}, dead-lettered {stats.DeadLettered:N0}, retries {stats.Retries:N0}, commits {stats.Commits:N0}");
        return result;
    }

    private async Task ShowStatusAsync(ConsumerStatusText status, Lock output, CancellationToken stop)
    {
        // Plain lines, not a live widget: verbose lines and logs interleave safely, and CI logs stay readable.
        var interval = console.Profile.Capabilities.Interactive ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(5);
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                lock (output)
                {
                    console.MarkupLineInterpolated($"[grey]{status.Next()}[/]");
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run ended.
        }
    }

    private int Report(ConsumerRunResult result)
    {
        switch (result.Outcome)
        {
            case ConsumerRunOutcome.Unavailable:
                console.MarkupLineInterpolated($"[red]{result.Error}[/]");
                break;
            case ConsumerRunOutcome.Failed:
                console.MarkupLineInterpolated($"[red]Consumer failed:[/] {result.Error}");
                break;
            default:
                if (result.Error is not null)
                {
                    console.MarkupLineInterpolated($"[yellow]{result.Error}[/]");
                }

                break;
        }

        return result.ExitCode;
    }
}
