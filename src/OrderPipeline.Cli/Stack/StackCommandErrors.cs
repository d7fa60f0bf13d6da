using OrderPipeline.Stack;
using Spectre.Console;

namespace OrderPipeline.Cli.Stack;

/// Turns stack failures into a clear message and the documented exit codes (1 usage, 2 infrastructure, 130 cancelled).
internal static class StackCommandErrors
{
    public static async Task<int> RunAsync(IAnsiConsole console, Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (StackException ex)
        {
            console.MarkupLine("[red]Error:[/] " + Markup.Escape(ex.Message));
            return ex.Kind == StackErrorKind.Usage ? 1 : 2;
        }
        catch (OperationCanceledException)
        {
            console.MarkupLine("[yellow]Cancelled.[/] Servers started so far keep running; 'orderpipeline stack down' stops them.");
            return 130;
        }
    }
}
