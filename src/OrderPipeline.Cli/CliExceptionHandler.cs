using Spectre.Console;
using Spectre.Console.Cli;

namespace OrderPipeline.Cli;

/// Turns an exception that escaped a command into a one-line message and the documented exit code, so a user
/// never sees a stack trace for a bad flag or a cancelled run (set ORDERPIPELINE_DEBUG=1 to see it anyway).
internal static class CliExceptionHandler
{
    public const int UserError = 1;
    public const int Cancelled = 130;

    public static int Handle(Exception exception, ITypeResolver? resolver)
    {
        _ = resolver;
        if (exception is OperationCanceledException)
        {
            AnsiConsole.MarkupLine("[yellow]Cancelled.[/]");
            return Cancelled;
        }

        var message = exception is CommandAppException
            ? exception.Message
            : $"unexpected {exception.GetType().Name}: {exception.Message}";
        AnsiConsole.MarkupLine($"[red]Error:[/] {Markup.Escape(message)}");
        if (Environment.GetEnvironmentVariable("ORDERPIPELINE_DEBUG") == "1")
        {
            AnsiConsole.WriteException(exception);
        }

        return UserError;
    }
}
