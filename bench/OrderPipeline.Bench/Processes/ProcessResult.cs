namespace OrderPipeline.Bench.Processes;

/// What a measured child process did: exit code, wall time, peak resident memory and its output.
public sealed record ProcessResult(
    int ExitCode,
    TimeSpan Elapsed,
    long PeakRssBytes,
    string StandardOutput,
    string StandardError)
{
    /// The last `BENCH {json}` line of the output (every peer script and baseline prints one).
    public string? BenchLine => StandardOutput
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .LastOrDefault(l => l.StartsWith("BENCH ", StringComparison.Ordinal))?["BENCH ".Length..];
}
