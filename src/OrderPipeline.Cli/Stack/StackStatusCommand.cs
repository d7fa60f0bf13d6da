using System.ComponentModel;
using OrderPipeline.Stack;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrderPipeline.Cli.Stack;

internal sealed class StackStatusSettings : CommandSettings
{
}

[Description("Show each recorded server, its address, PID, state, memory and log. Exit 0 all up, 2 partly up, 3 nothing running.")]
internal sealed class StackStatusCommand : AsyncCommand<StackStatusSettings>
{
    private readonly IAnsiConsole _console;

    public StackStatusCommand(IAnsiConsole console) => _console = console;

    public override async Task<int> ExecuteAsync(CommandContext context, StackStatusSettings settings, CancellationToken cancellationToken)
    {
        return await StackCommandErrors.RunAsync(_console, async () =>
        {
            var options = StackOptions.FromEnvironment();
            var status = await new LocalStack(options).StatusAsync(cancellationToken);
            if (status.Health == StackHealth.NotRunning && status.Servers.Count == 0)
            {
                _console.MarkupLineInterpolated($"[yellow]No stack is running[/] (state folder {options.StateDirectory}). Start one with: orderpipeline stack up");
                return status.ExitCode;
            }

            StackTables.WriteStatus(_console, status);
            var layout = new StackLayout(options, status.Topology ?? StackTopology.OneEach);
            var summary = status.Health switch
            {
                StackHealth.Running => "[green]running[/]",
                StackHealth.Degraded => "[red]partly up[/] (run 'stack up' to restart missing servers, or 'stack down')",
                _ => "[yellow]not running[/] (recorded servers are gone; run 'stack up' or 'stack down')",
            };
            _console.MarkupLine($"Stack {summary}");
            _console.WriteLine($"Kafka bootstrap servers: {layout.BootstrapServers}");
            _console.WriteLine($"Cassandra contact points: {string.Join(',', layout.CassandraContactPoints)}");
            return status.ExitCode;
        });
    }
}
