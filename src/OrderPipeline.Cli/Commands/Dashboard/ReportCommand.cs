using System.ComponentModel;
using Microsoft.Extensions.Logging.Abstractions;
using OrderPipeline.Dashboard.Analytics;
using OrderPipeline.Dashboard.Data;
using OrderPipeline.Dashboard.Report;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrderPipeline.Cli.Commands.Dashboard;

internal sealed class ReportSettings : DashboardConnectionSettings
{
    [CommandOption("--out <DIR>")]
    [Description("Folder for the PNG charts and report.md (created if missing).")]
    public string? Out { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("--out DIR is required.") : base.Validate();
}

/// `orderpipeline report --out DIR`: the dashboard's analytics as PNG charts and a Markdown summary.
internal sealed class ReportCommand(IAnsiConsole console) : AsyncCommand<ReportSettings>
{
    private const int Ok = 0;
    private const int UserError = 1;
    private const int Unavailable = 2;

    public override async Task<int> ExecuteAsync(CommandContext context, ReportSettings settings, CancellationToken cancellationToken)
    {
        var options = settings.ResolveOptions();
        await using var sessions = new CqlSessionProvider(settings.ResolveCql(), NullLoggerFactory.Instance);
        var store = new CqlOrderStore(sessions, options.Keyspace);
        AnalyticsSnapshot snapshot;
        try
        {
            snapshot = await console.Status().StartAsync("Reading orders_by_day...",
                _ => new AnalyticsComputer(store, TimeProvider.System).ComputeAsync(cancellationToken));
        }
        catch (StoreUnavailableException ex)
        {
            console.MarkupLineInterpolated($"[red]{ex.Message}[/]");
            return Unavailable;
        }
        catch (QueryFailedException ex)
        {
            console.MarkupLineInterpolated($"[red]Cassandra refused the analytics query:[/] {ex.Message} (has 'schema apply' run?)");
            return UserError;
        }

        IReadOnlyList<string> files;
        try
        {
            files = ReportWriter.Write(snapshot, settings.Out!, $"{options.Keyspace}.orders_by_day");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            console.MarkupLineInterpolated($"[red]Cannot write to {settings.Out}:[/] {ex.Message}");
            return UserError;
        }

        console.MarkupLineInterpolated($"{snapshot.TotalOrders:N0} orders over {snapshot.Days:N0} days read in {snapshot.RefreshSeconds:0.0} s.");
        foreach (var file in files)
        {
            console.WriteLine(Path.Combine(settings.Out!, file));
        }

        return Ok;
    }
}
