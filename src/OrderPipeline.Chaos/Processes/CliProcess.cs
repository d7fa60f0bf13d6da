using System.Diagnostics;
using System.Text;

namespace OrderPipeline.Chaos.Processes;

/// The outcome of one CLI child process: its exit code (137 style codes show up as the signal's number
/// from .NET: -1 / 137 depending on the runtime, so <see cref="Killed"/> says it explicitly) and its output tail.
public sealed record CliExit(int ExitCode, bool Killed, TimeSpan Elapsed, string OutputTail);

/// A running `orderpipeline produce|consume` child process. <see cref="Kill"/> sends SIGKILL: no Ctrl+C
/// handler, no flush, no commit, exactly a crash. Output goes to a log file (for diagnosis) and a bounded tail.
public sealed class CliProcess : IAsyncDisposable
{
    private const int TailLimit = 16 * 1024;
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly StringBuilder _tail = new();
    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Task _pumps;
    private bool _killed;
    private int _disposed;

    private CliProcess(Process process, string logPath, string description)
    {
        _process = process;
        LogPath = logPath;
        Description = description;
        _log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        _pumps = Task.WhenAll(PumpAsync(process.StandardOutput), PumpAsync(process.StandardError));
    }

    public string Description { get; }

    public string LogPath { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public static CliProcess Start(string cliAssembly, IReadOnlyList<string> arguments, string logPath,
        IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(environment);
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(cliAssembly);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // Children must not draw live progress widgets into captured output.
        info.Environment["NO_COLOR"] = "1";
        info.Environment["TERM"] = "dumb";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start dotnet {cliAssembly}.");
        return new CliProcess(process, logPath, string.Join(' ', arguments.Take(1)));
    }

    /// SIGKILL, then waits until the process is gone.
    public async Task KillAsync(CancellationToken cancellationToken = default)
    {
        if (_process.HasExited)
        {
            return;
        }

        _killed = true;
        // On Unix Process.Kill sends SIGKILL.
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync(cancellationToken);
    }

    /// SIGTERM (a graceful stop: the consumer finishes its writes and commits), then waits for the exit.
    public async Task<CliExit> StopAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (!_process.HasExited)
        {
            OrderPipeline.Stack.Processes.ProcessTable.Send(_process.Id, OrderPipeline.Stack.Processes.Signal.Terminate);
        }

        return await WaitAsync(timeout, cancellationToken);
    }

    /// Waits for the exit; past <paramref name="timeout"/> the process is killed and a <see cref="TimeoutException"/>
    /// says it hung.
    public async Task<CliExit> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await KillAsync(CancellationToken.None);
            throw new TimeoutException($"{Description} did not finish within {timeout.TotalSeconds:0} s (killed); log: {LogPath}");
        }

        await _pumps;
        return new CliExit(_process.ExitCode, _killed, _clock.Elapsed, Tail());
    }

    public string Tail()
    {
        lock (_gate)
        {
            return _tail.ToString();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        try
        {
            await KillAsync(CancellationToken.None);
            await _pumps;
        }
        finally
        {
            _process.Dispose();
            await _log.DisposeAsync();
        }
    }

    private async Task PumpAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (_gate)
            {
                _log.WriteLine(line);
                _tail.AppendLine(line);
                if (_tail.Length > 2 * TailLimit)
                {
                    _tail.Remove(0, _tail.Length - TailLimit);
                }
            }
        }
    }
}
