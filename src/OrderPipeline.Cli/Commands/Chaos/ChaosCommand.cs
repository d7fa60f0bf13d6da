using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;
using OrderPipeline.Chaos;
using OrderPipeline.Chaos.Framework;
using OrderPipeline.Chaos.Reporting;
using OrderPipeline.Stack;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrderPipeline.Cli.Commands.Chaos;

/// `orderpipeline chaos`: fault scenarios against real local stacks on their own subnet, one table, exit 1 if any
/// verdict fails. The stacks it starts are always stopped and wiped (normal end, failure, Ctrl+C, SIGTERM).
[Description("Prove under real failures that nothing is lost or duplicated: kills, poison messages, bad CSV, garbage CQL frames.")]
internal sealed class ChaosCommand(IAnsiConsole console) : AsyncCommand<ChaosSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ChaosSettings settings, CancellationToken cancellationToken)
    {
        IReadOnlyList<IChaosScenario> scenarios;
        ChaosOptions options;
        try
        {
            scenarios = ScenarioRegistry.Select(settings.Scenario);
            options = ChaosOptions.Defaults(settings.Subnet, settings.Rows);
            options.StackFor(ChaosTopologies.OneNode);
        }
        catch (Exception ex) when (ex is ArgumentException or StackException)
        {
            console.MarkupLineInterpolated($"[red]chaos: {ex.Message}[/]");
            return ExitCodes.UserError;
        }

        if (settings.List || scenarios.Count == 0)
        {
            ListScenarios(scenarios);
            return settings.List ? ExitCodes.Ok : ExitCodes.UserError;
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // First Ctrl+C: stop the scenario and take the stacks down; a second one kills at once.
            e.Cancel = !cts.IsCancellationRequested;
            cts.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            cts.Cancel();
        });
        var clock = Stopwatch.StartNew();
        if (Console.IsOutputRedirected)
        {
            // A log file has no terminal width; Spectre's 80-column default would wrap the table's ten columns.
            console.Profile.Width = Math.Max(console.Profile.Width, 150);
        }

        try
        {
            console.MarkupLineInterpolated(
                $"chaos: {scenarios.Count} scenario(s), {options.Rows:N0} rows, stacks on {options.Subnet}.x, state in {options.StateRoot}");
            var runner = new ChaosRunner(options, line => console.MarkupLineInterpolated($"[grey]{line}[/]"));
            var results = await runner.RunAsync(scenarios, cts.Token);
            ChaosTable.Render(console, results);
            console.MarkupLineInterpolated($"chaos: finished in {clock.Elapsed.TotalMinutes:0.0} min");
            return ChaosVerdicts.ExitCode(results);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            console.MarkupLine("[yellow]chaos: cancelled; the stacks it started were stopped.[/]");
            return ExitCodes.Cancelled;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private void ListScenarios(IReadOnlyList<IChaosScenario> scenarios)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("#", "scenario", "stack", "fast", "what");
        foreach (var s in scenarios)
        {
            table.AddRow(
                new Text(s.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)), new Text(s.Name),
                new Text(ChaosTopologies.Label(s.Topology)), new Text(ScenarioRegistry.IsFast(s) ? "yes" : ""), new Text(s.Description));
        }

        console.Write(table);
    }
}
