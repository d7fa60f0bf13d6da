using System.Globalization;
using OrderPipeline.Chaos.Framework;

namespace OrderPipeline.Chaos.Processes;

/// Starts the real `produce` and `consume` commands as child processes against a scenario's stack and names,
/// the way a user runs them (`dotnet orderpipeline.dll ...`), so a SIGKILL hits the real process.
public sealed class ChaosCli(string cliAssembly, string subnet, string bootstrapServers, string contactPoints, string logDirectory)
    : IAsyncDisposable
{
    private readonly System.Collections.Concurrent.ConcurrentBag<CliProcess> _started = [];
    private int _sequence;

    /// `produce --csv PATH` into the scenario's topic; <paramref name="ratePerSecond"/> paces it (so a kill
    /// lands mid-run), rejects go to <paramref name="rejectsPath"/>.
    public CliProcess StartProduce(PipelineNames names, string csvPath, double? ratePerSecond = null, string? rejectsPath = null)
    {
        ArgumentNullException.ThrowIfNull(names);
        var args = new List<string>
        {
            "produce", "--csv", csvPath, "--topic", names.Topic, "--bootstrap-servers", bootstrapServers,
        };
        if (ratePerSecond is { } rate)
        {
            args.AddRange(["--rate", rate.ToString(CultureInfo.InvariantCulture)]);
        }

        if (rejectsPath is not null)
        {
            args.AddRange(["--rejects", rejectsPath]);
        }

        return Start("produce", args);
    }

    /// `consume` from the scenario's topic into its keyspace; with <paramref name="untilIdleSeconds"/> it exits
    /// by itself once the topic is drained, without it it runs until killed. <paramref name="onlyContactPoints"/>
    /// replaces the stack's contact points and keeps every Cassandra connection on them (`--contact-points-only`),
    /// e.g. a proxy in front of one node.
    public CliProcess StartConsume(PipelineNames names, double? untilIdleSeconds = null, string? onlyContactPoints = null)
    {
        ArgumentNullException.ThrowIfNull(names);
        var args = new List<string>
        {
            "consume", "--topic", names.Topic, "--dlq-topic", names.DeadLetterTopic, "--group", names.Group,
            "--keyspace", names.Keyspace, "--bootstrap-servers", bootstrapServers,
            "--contact-points", onlyContactPoints ?? contactPoints,
        };
        if (onlyContactPoints is not null)
        {
            args.Add("--contact-points-only");
        }

        if (untilIdleSeconds is { } idle)
        {
            args.AddRange(["--until-idle", idle.ToString(CultureInfo.InvariantCulture)]);
        }

        return Start("consume", args);
    }

    /// Any CLI command (e.g. `verify`), run to its end.
    public async Task<CliExit> RunAsync(IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        await using var process = Start(arguments.Count > 0 ? arguments[0] : "cli", arguments);
        return await process.WaitAsync(timeout, cancellationToken);
    }

    private CliProcess Start(string what, IReadOnlyList<string> args)
    {
        var n = Interlocked.Increment(ref _sequence);
        var log = Path.Combine(logDirectory, string.Create(CultureInfo.InvariantCulture, $"{n:00}-{what}.log"));
        // The subnet variable makes any default the CLI falls back to point at the chaos stack, never the user's.
        var process = CliProcess.Start(cliAssembly, args, log, new Dictionary<string, string> { ["ORDERPIPELINE_STACK_SUBNET"] = subnet });
        _started.Add(process);
        return process;
    }

    /// Kills whatever child a scenario left running (it failed half-way), so no process outlives the run.
    public async ValueTask DisposeAsync()
    {
        foreach (var process in _started)
        {
            await process.DisposeAsync();
        }
    }
}
