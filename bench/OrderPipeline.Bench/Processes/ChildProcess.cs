using System.Diagnostics;
using System.Text;

namespace OrderPipeline.Bench.Processes;

/// Runs one command as a child process, captures its output, and samples its peak RSS while it runs.
public static class ChildProcess
{
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(20);

    public static Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        CancellationToken cancellationToken = default) =>
        RunAsync(fileName, arguments, null, null, cancellationToken);

    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment,
        string? workingDirectory,
        CancellationToken cancellationToken = default)
    {
        using var process = Start(fileName, arguments, environment, workingDirectory);
        return await WaitAsync(process, cancellationToken);
    }

    public static Process Start(
        string fileName,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        if (workingDirectory is not null)
        {
            info.WorkingDirectory = workingDirectory;
        }

        // Child processes must not draw live progress into captured output.
        info.Environment["NO_COLOR"] = "1";
        info.Environment["TERM"] = "dumb";
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                info.Environment[key] = value;
            }
        }

        var process = new Process { StartInfo = info };
        process.Start();
        return process;
    }

    /// Waits for a started process, sampling VmHWM until it exits; kills it if the token fires.
    public static async Task<ProcessResult> WaitAsync(Process process, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var outTask = PumpAsync(process.StandardOutput, stdout);
        var errTask = PumpAsync(process.StandardError, stderr);
        long peak = 0;
        var pid = process.Id;
        try
        {
            while (!process.HasExited)
            {
                peak = Math.Max(peak, PeakRssSampler.TryRead(pid) ?? 0);
                try
                {
                    await process.WaitForExitAsync(cancellationToken).WaitAsync(SampleInterval, cancellationToken);
                }
                catch (TimeoutException)
                {
                    // Next sample.
                }
            }
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        await Task.WhenAll(outTask, errTask);
        return new ProcessResult(process.ExitCode, elapsed, peak, stdout.ToString(), stderr.ToString());
    }

    private static async Task PumpAsync(StreamReader reader, StringBuilder sink)
    {
        // Keep the tail only: a verbose child must not grow the harness's memory without bound.
        const int Limit = 256 * 1024;
        var buffer = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            sink.Append(buffer, 0, read);
            if (sink.Length > 2 * Limit)
            {
                sink.Remove(0, sink.Length - Limit);
            }
        }
    }
}
