using System.Globalization;
using OrderPipeline.Bench.Processes;

namespace OrderPipeline.Bench.Peers;

/// The reference design (bench/baselines/producer.py and consumer.py) run with Debian's python3, as specified
/// except for the switches the issue asks for: per-message flush on or off, the 0.1 s sleep never run (its time is
/// computed), and the per-message prints silenced so a terminal is not what gets measured.
public sealed class BaselinePeer(BenchEnvironment environment)
{
    /// <summary>One process run: its own figures (BENCH line), its wall time and its peak RSS.</summary>
    public sealed record Run(BenchLine Figures, TimeSpan Elapsed, long PeakRssBytes);

    public async Task<Run> ProduceAsync(string csv, string topic, bool flushPerMessage, CancellationToken cancellationToken = default)
    {
        List<string> args =
        [
            Path.Combine(environment.BaselinesDirectory, "producer.py"), "--csv", csv, "--topic", topic,
            "--bootstrap", environment.Brokers, "--quiet",
        ];
        if (!flushPerMessage)
        {
            args.Add("--no-flush-per-message");
        }

        var result = await ChildProcess.RunAsync(environment.Python, args, cancellationToken);
        return Checked(result, "baseline producer.py");
    }

    public async Task<Run> ConsumeAsync(string topic, string group, long messages, string keyspace, string table,
        CancellationToken cancellationToken = default)
    {
        var result = await ChildProcess.RunAsync(environment.Python,
        [
            Path.Combine(environment.BaselinesDirectory, "consumer.py"), "--topic", topic, "--group", group,
            "--bootstrap", environment.Brokers, "--contact-points", environment.ContactPoint,
            "--keyspace", keyspace, "--table", table,
            "--max-messages", messages.ToString(CultureInfo.InvariantCulture), "--idle", "30", "--quiet",
        ], cancellationToken);
        var run = Checked(result, "baseline consumer.py");
        return run.Figures.Messages == messages
            ? run
            : throw new BenchException($"baseline consumer.py stored {run.Figures.Messages} of {messages} messages.");
    }

    private static Run Checked(ProcessResult result, string what) =>
        result.ExitCode == 0
            ? new Run(BenchLine.Parse(result, what), result.Elapsed, result.PeakRssBytes)
            : throw new BenchException($"{what} failed (exit {result.ExitCode}): {BenchLine.Tail(result)}");
}
