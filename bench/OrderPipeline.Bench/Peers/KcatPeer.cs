using OrderPipeline.Bench.Processes;

namespace OrderPipeline.Bench.Peers;

/// The Kafka ceiling through bench/peers/kcat.sh (Debian's kcat).
public sealed class KcatPeer(BenchEnvironment environment)
{
    private string Script => Path.Combine(environment.PeersDirectory, "kcat.sh");

    public async Task<BenchLine> ProduceAsync(string messagesFile, string topic, CancellationToken cancellationToken = default)
    {
        var result = await ChildProcess.RunAsync("bash",
            [Script, "produce", "--brokers", environment.Brokers, "--topic", topic, "--file", messagesFile], cancellationToken);
        return Checked(result, "kcat produce");
    }

    public async Task<BenchLine> ConsumeAsync(string topic, long expected, CancellationToken cancellationToken = default)
    {
        var result = await ChildProcess.RunAsync("bash",
            [Script, "consume", "--brokers", environment.Brokers, "--topic", topic, "--expect", expected.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            cancellationToken);
        var line = Checked(result, "kcat consume");
        return line.Messages == expected
            ? line
            : throw new BenchException($"kcat consumed {line.Messages} messages from {topic}, expected {expected}.");
    }

    private static BenchLine Checked(ProcessResult result, string what) =>
        result.ExitCode == 0
            ? BenchLine.Parse(result, what)
            : throw new BenchException($"{what} failed (exit {result.ExitCode}): {BenchLine.Tail(result)}");
}
