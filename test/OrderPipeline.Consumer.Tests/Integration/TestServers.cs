using System.Diagnostics;
using System.Reflection;
using OrderPipeline.Stack;

namespace OrderPipeline.Consumer.Tests.Integration;

/// <summary>
/// Where the integration tests find the local stack (ORDERPIPELINE_STACK_SUBNET, default 127.0.0), and helpers
/// to make uniquely named topics and run the CLI as a child process.
/// </summary>
public static class TestServers
{
    private static readonly StackOptions Stack = StackOptions.FromEnvironment();

    public static string BootstrapServers => $"{Stack.Host(1)}:{StackLayout.KafkaBasePort}";

    public static string ContactPoints => $"{Stack.Host(1)}:{StackLayout.CassandraNativePort}";

    public static string ZooKeeper => $"{Stack.Host(1)}:{StackLayout.ZooKeeperPort}";

    /// <summary>A name unique to this test run, valid as a topic, group and keyspace name.</summary>
    public static string UniqueName(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(40, prefix.Length + 33)];

    /// <summary>
    /// Creates a topic with <paramref name="partitions"/> partitions. Kafka 0.9 has no CreateTopics API (and
    /// auto-creation makes one partition), so this runs the distribution's kafka-topics.sh against ZooKeeper.
    /// </summary>
    public static async Task CreateTopicAsync(string topic, int partitions)
    {
        var script = Directory.EnumerateFiles(Stack.CacheDirectory, "kafka-topics.sh", SearchOption.AllDirectories).FirstOrDefault()
            ?? throw new InvalidOperationException($"kafka-topics.sh not found under {Stack.CacheDirectory}; run 'orderpipeline stack up' first.");
        var (code, output) = await RunAsync(script,
            ["--zookeeper", ZooKeeper, "--create", "--topic", topic, "--partitions", partitions.ToString(System.Globalization.CultureInfo.InvariantCulture), "--replication-factor", "1"],
            TimeSpan.FromSeconds(60));
        Assert.True(code == 0, $"kafka-topics.sh failed ({code}): {output}");
    }

    /// <summary>The built CLI (same configuration as this test assembly).</summary>
    public static string CliDll
    {
        get
        {
            var configuration = typeof(TestServers).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .First(a => a.Key == "Configuration").Value;
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OrderPipeline.slnx")))
            {
                dir = dir.Parent;
            }

            Assert.NotNull(dir);
            var dll = Path.Combine(dir.FullName, "src", "OrderPipeline.Cli", "bin", configuration!, "net10.0", "orderpipeline.dll");
            Assert.True(File.Exists(dll), $"CLI not built at {dll}");
            return dll;
        }
    }

    public static string RepoFile(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OrderPipeline.slnx")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return Path.Combine([dir.FullName, .. parts]);
    }

    /// <summary>Starts <c>dotnet orderpipeline.dll args</c>; output is collected into <paramref name="output"/>.</summary>
    public static Process StartCli(IEnumerable<string> args, System.Text.StringBuilder output)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(CliDll);
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        psi.Environment["NO_COLOR"] = "1";
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start dotnet");
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static async Task<(int ExitCode, string Output)> RunCliAsync(IEnumerable<string> args, TimeSpan timeout)
    {
        var output = new System.Text.StringBuilder();
        using var process = StartCli(args, output);
        return (await WaitAsync(process, timeout, output), Snapshot(output));
    }

    public static async Task<int> WaitAsync(Process process, TimeSpan timeout, System.Text.StringBuilder output)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"process did not exit within {timeout}; output:\n{Snapshot(output)}");
        }

        // WaitForExitAsync also waits for the redirected streams to reach EOF.
        return process.ExitCode;
    }

    public static string Snapshot(System.Text.StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static void Append(System.Text.StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static async Task<(int, string)> RunAsync(string file, IEnumerable<string> args, TimeSpan timeout)
    {
        var output = new System.Text.StringBuilder();
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        using var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (await WaitAsync(process, timeout, output), Snapshot(output));
    }
}
