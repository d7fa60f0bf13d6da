using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderPipeline.Dashboard;
using OrderPipeline.Dashboard.Data;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrderPipeline.Cli.Commands.Dashboard;

internal sealed class DashboardSettings : DashboardConnectionSettings
{
    [CommandOption("--urls <URLS>")]
    [Description("Where to listen, ';'-separated (default http://127.0.0.1:5080, loopback only).")]
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    public override ValidationResult Validate()
    {
        foreach (var url in Urls.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                return ValidationResult.Error($"--urls: '{url}' is not an http:// or https:// URL.");
            }
        }

        return base.Validate();
    }
}

/// `orderpipeline dashboard`: the live page over Cassandra (through CqlSession) and Kafka offsets.
internal sealed class DashboardCommand(IAnsiConsole console) : AsyncCommand<DashboardSettings>
{
    private const int Ok = 0;
    private const int UserError = 1;

    public override async Task<int> ExecuteAsync(CommandContext context, DashboardSettings settings, CancellationToken cancellationToken)
    {
        var options = settings.ResolveOptions();
        var cql = settings.ResolveCql();
        var urls = settings.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var app = DashboardApp.Build(options, urls, services =>
        {
            services.AddSingleton(sp => new CqlSessionProvider(cql, sp.GetRequiredService<ILoggerFactory>()));
            services.AddSingleton<IOrderStore>(sp => new CqlOrderStore(sp.GetRequiredService<CqlSessionProvider>(), options.Keyspace));
        });

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            await app.StartAsync(stop.Token);
        }
        catch (IOException ex)
        {
            // Kestrel reports an address in use or not assignable as an IOException.
            console.MarkupLineInterpolated($"[red]Cannot listen on {settings.Urls}:[/] {ex.Message}");
            Console.CancelKeyPress -= onCancel;
            await app.DisposeAsync();
            return UserError;
        }

        console.MarkupLineInterpolated($"Dashboard on [link]{string.Join(", ", app.Urls)}[/] (Cassandra {string.Join(",", options.CassandraContactPoints)}, Kafka {options.Kafka.BootstrapServers}). Ctrl+C stops it.");
        // SIGTERM (systemd, docker stop, kill) reaches the host's lifetime, not CancelKeyPress.
        using var onStopping = app.Lifetime.ApplicationStopping.Register(stop.Cancel);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or the host asked us to stop.
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }

        // Bounded: a scan in flight or a Kafka client closing must not keep the process alive after Ctrl+C.
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await app.StopAsync(grace.Token);
            await app.DisposeAsync().AsTask().WaitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            console.MarkupLine("[yellow]Shutdown took longer than 10 s; exiting anyway.[/]");
        }

        return Ok;
    }
}
