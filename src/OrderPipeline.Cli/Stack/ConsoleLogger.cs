using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace OrderPipeline.Cli.Stack;

/// Shows the stack's progress messages on the console, dimmed, as they happen.
internal sealed class ConsoleLogger : ILogger
{
    private readonly IAnsiConsole _console;

    public ConsoleLogger(IAnsiConsole console) => _console = console;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var style = logLevel >= LogLevel.Warning ? "yellow" : "grey";
        _console.MarkupLine($"[{style}]{Markup.Escape(formatter(state, exception))}[/]");
    }
}
