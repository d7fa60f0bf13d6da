using System.ComponentModel;
using OrderPipeline.Stack;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrderPipeline.Cli.Stack;

internal sealed class StackDownSettings : CommandSettings
{
    [CommandOption("--wipe")]
    [Description("Also delete the servers' data, configs and logs (the state folder).")]
    public bool Wipe { get; init; }
}

[Description("Stop the servers this stack started (SIGTERM, then SIGKILL after a timeout).")]
internal sealed class StackDownCommand : AsyncCommand<StackDownSettings>
{
    private readonly IAnsiConsole _console;

    public StackDownCommand(IAnsiConsole console) => _console = console;

    public override async Task<int> ExecuteAsync(CommandContext context, StackDownSettings settings, CancellationToken cancellationToken)
    {
        return await StackCommandErrors.RunAsync(_console, async () =>
        {
            var options = StackOptions.FromEnvironment();
            var result = await new LocalStack(options, new ConsoleLogger(_console)).DownAsync(settings.Wipe, cancellationToken);
            var count = result.Stopped.Count + result.Killed.Count;
            if (count == 0)
            {
                _console.MarkupLineInterpolated($"[yellow]Nothing was running[/] (state folder {options.StateDirectory}).");
            }
            else
            {
                _console.MarkupLineInterpolated($"[green]Stopped {count} server(s)[/] ({result.Killed.Count} needed SIGKILL).");
            }
            if (result.Wiped)
            {
                _console.MarkupLineInterpolated($"Deleted {options.StateDirectory}.");
            }

            return 0;
        });
    }
}
