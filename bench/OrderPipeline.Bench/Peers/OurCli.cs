using System.Diagnostics;
using OrderPipeline.Bench.Processes;

namespace OrderPipeline.Bench.Peers;

/// Our own commands run as child processes of the built CLI (`dotnet orderpipeline.dll ...`), so each stage
/// is measured as a user runs it: its own process, its own wall time, its own peak RSS.
public sealed class OurCli(BenchEnvironment environment)
{
    public async Task<ProcessResult> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? extraEnvironment = null,
        CancellationToken cancellationToken = default)
    {
        using var process = Start(arguments, extraEnvironment);
        return await ChildProcess.WaitAsync(process, cancellationToken);
    }

    public Process Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? extraEnvironment = null)
    {
        var env = new Dictionary<string, string>(environment.ChildEnvironment);
        foreach (var (key, value) in extraEnvironment ?? new Dictionary<string, string>())
        {
            env[key] = value;
        }

        return ChildProcess.Start("dotnet", [environment.CliAssembly, .. arguments], env, environment.RepositoryRoot);
    }

    public static void EnsureSucceeded(ProcessResult result, string what)
    {
        if (result.ExitCode != 0)
        {
            throw new BenchException($"{what} failed (exit {result.ExitCode}): {BenchLine.Tail(result)}");
        }
    }
}
