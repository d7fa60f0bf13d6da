using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderPipeline.Consumer;
using OrderPipeline.Consumer.Cassandra;
using OrderPipeline.Consumer.Writing;
using Spectre.Console;

namespace OrderPipeline.Cli.Commands;

/// <summary>Runs the consumer worker for a command (consume, demo) with a live status line and a summary.</summary>
internal static class ConsumerRunner
{
    /// <summary>Prepares the inserts; null (after a clear message) when the keyspace or tables are missing.</summary>
    public static async Task<CassandraOrderStore?> TryPrepareStoreAsync(
        IAnsiConsole console, CassandraAccess cassandra, string keyspace, CancellationToken cancellationToken)
    {
        var store = new CassandraOrderStore(cassandra, keyspace);
        try
        {
            await store.PrepareAsync(cancellationToken);
            return store;
        }
        catch (Exception ex) when (CassandraAccess.IsCqlError(ex))
        {
            console.MarkupLineInterpolated(
                $"[red]Cannot prepare the inserts in keyspace {keyspace}:[/] {ex.Message}. Run 'orderpipeline schema apply' first.");
            return null;
        }
    }

    /// <summary>Runs the worker in a Generic Host (Ctrl+C / SIGTERM stop it gracefully) with a live status line.</summary>
    public static async Task<ConsumerRunSummary> RunAsync(IAnsiConsole console, ConsumerOptions options, IOrderStore store, bool verbose, CancellationToken cancellationToken)
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
        var holder = host.Services.GetRequiredService<ConsumerRunResultHolder>();
        var status = new ConsumerStatusText(stats, TimeProvider.System);
        var started = TimeProvider.System.GetTimestamp();
        using var stopStatus = new CancellationTokenSource();
        var statusTask = ShowStatusAsync(console, status, output, stopStatus.Token);
        await host.RunAsync(cancellationToken);
        await stopStatus.CancelAsync();
        await statusTask;
        var result = holder.Result
            ?? new ConsumerRunResult(ConsumerRunOutcome.Stopped, 0, null);
        var seconds = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
        console.MarkupLineInterpolated(
            $"[bold]Consumed[/] {stats.Received:N0} messages in {seconds:F1} s ({(seconds > 0 ? stats.Stored / seconds : 0):N0} orders/s): stored {stats.Stored:N0}, dead-lettered {stats.DeadLettered:N0}, retries {stats.Retries:N0}, commits {stats.Commits:N0}");
        return new ConsumerRunSummary(result, stats, TimeSpan.FromSeconds(seconds));
    }

    private static async Task ShowStatusAsync(IAnsiConsole console, ConsumerStatusText status, Lock output, CancellationToken stop)
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
}

/// <summary>What a consumer run did: its outcome, final counters and duration.</summary>
internal sealed record ConsumerRunSummary(ConsumerRunResult Result, ConsumerStats Stats, TimeSpan Elapsed);
