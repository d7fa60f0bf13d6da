using Spectre.Console;

namespace OrderPipeline.Cli.Commands.Cql;

/// Status and error lines. On a terminal they are coloured; when piped they are written as plain text, unwrapped,
/// so an error stays on one line whatever its length.
internal static class CqlConsoleLines
{
    public static void Error(IAnsiConsole console, string message) => Write(console, "red", "Error: ", OneLine(message));

    public static void Info(IAnsiConsole console, string message) => Write(console, "green", string.Empty, OneLine(message));

    private static void Write(IAnsiConsole console, string color, string prefix, string message)
    {
        if (console.Profile.Out.IsTerminal)
        {
            console.MarkupLine($"[{color}]{Markup.Escape(prefix + message)}[/]");
        }
        else
        {
            console.Profile.Out.Writer.WriteLine(prefix + message);
        }
    }

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
