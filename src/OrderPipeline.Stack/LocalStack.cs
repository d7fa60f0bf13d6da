using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OrderPipeline.Stack.Install;
using OrderPipeline.Stack.Processes;

namespace OrderPipeline.Stack;

/// Starts, checks and stops a local ZooKeeper + Kafka + Cassandra stack described by <see cref="StackOptions"/>.
/// Every operation is idempotent and safe to call from several processes (they serialise on a lock file).
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "A local server stack, not a Stack<T> collection.")]
public sealed partial class LocalStack
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(5);
    private readonly ILogger _logger;

    public LocalStack(StackOptions options, ILogger? logger = null)
    {
        options.Validate();
        Options = options;
        _logger = logger ?? NullLogger.Instance;
    }

    public StackOptions Options { get; }

    /// Starts (or completes) the stack and returns when every server accepts client requests.
    public static Task<StackInfo> UpAsync(StackOptions options, StackTopology? topology = null, CancellationToken cancellationToken = default) =>
        new LocalStack(options).UpAsync(topology, cancellationToken);

    /// Starts whatever part of the stack does not run yet. With no topology, keeps the recorded one (or 1+1).
    public async Task<StackInfo> UpAsync(StackTopology? topology = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        using var stackLock = await StackLock.AcquireAsync(Options.StateDirectory, LockTimeout, cancellationToken).ConfigureAwait(false);
        var state = StackState.Load(Options.StateDirectory);
        var alive = state?.Servers.Where(IsAlive).ToList() ?? [];
        var recorded = alive.Count > 0 ? state!.Topology : null;
        var target = topology ?? recorded ?? StackTopology.OneEach;
        if (recorded is not null
            && alive.Any(s => (s.Kind == ServerKind.Kafka && s.Index >= target.KafkaBrokers)
                || (s.Kind == ServerKind.Cassandra && s.Index >= target.CassandraNodes)))
        {
            throw new StackException(StackErrorKind.Usage,
                $"The stack in {Options.StateDirectory} runs {recorded}; asked for {target}. Run 'stack down' first to shrink it.");
        }

        var java = Prerequisites.Java();
        var dist = await new DistributionInstaller(Options.CacheDirectory, _logger).EnsureInstalledAsync(cancellationToken)
            .ConfigureAwait(false);
        var layout = new StackLayout(Options, target);
        state = new StackState(Options.Subnet, target.KafkaBrokers, target.CassandraNodes, alive);
        var toStart = layout.All.Where(spec => state.Find(spec.Kind, spec.Index) is null).ToList();
        EnsureAddressesFree(toStart);
        state.Save(Options.StateDirectory);

        var launcher = new ServerLauncher(layout, dist, java);
        var deadline = DateTimeOffset.UtcNow + Options.StartTimeout;
        var zk = layout.ZooKeeper;
        if (toStart.Remove(zk))
        {
            state = StartAndRecord(launcher, zk, state);
        }

        await Readiness.WaitAsync(zk, state.Find(zk.Kind, 0)!, target, deadline, cancellationToken).ConfigureAwait(false);
        foreach (var spec in toStart)
        {
            state = StartAndRecord(launcher, spec, state);
        }

        var waits = layout.All.Skip(1)
            .Select(spec => Readiness.WaitAsync(spec, state.Find(spec.Kind, spec.Index)!, target, deadline, cancellationToken));
        await Task.WhenAll(waits).ConfigureAwait(false);
        StackLog.AllAnswer(_logger, clock.Elapsed.TotalSeconds);
        await TopicSetup.EnsureTopicsAsync(layout, dist, java, deadline, cancellationToken).ConfigureAwait(false);

        var status = await StatusAsync(cancellationToken).ConfigureAwait(false);
        return new StackInfo(layout, status.Servers, clock.Elapsed, toStart.Count + (alive.Count == 0 ? 1 : 0));
    }

    /// Stops every recorded server (SIGTERM, then SIGKILL after <see cref="StackOptions.StopTimeout"/>), only
    /// those whose PID and start time match the record. With <paramref name="wipe"/>, deletes the state folder.
    public async Task<DownResult> DownAsync(bool wipe = false, CancellationToken cancellationToken = default)
    {
        using var stackLock = await StackLock.AcquireAsync(Options.StateDirectory, LockTimeout, cancellationToken).ConfigureAwait(false);
        var state = StackState.Load(Options.StateDirectory);
        var stopped = new List<ServerRecord>();
        var killed = new List<ServerRecord>();
        if (state is not null)
        {
            // Brokers first, while ZooKeeper still answers their controlled shutdown; Cassandra alongside.
            var first = state.Servers.Where(s => s.Kind != ServerKind.ZooKeeper).ToList();
            var last = state.Servers.Where(s => s.Kind == ServerKind.ZooKeeper).ToList();
            foreach (var group in new[] { first, last })
            {
                var results = await Task.WhenAll(group.Select(r => StopAsync(r, cancellationToken))).ConfigureAwait(false);
                for (var i = 0; i < group.Count; i++)
                {
                    if (results[i] == StopOutcome.Terminated)
                    {
                        stopped.Add(group[i]);
                    }
                    else if (results[i] == StopOutcome.Killed)
                    {
                        killed.Add(group[i]);
                    }
                }
            }

            StackState.Delete(Options.StateDirectory);
        }

        var wiped = wipe && Wipe();
        return new DownResult(stopped, killed, wiped);
    }

    private static bool IsAlive(ServerRecord record) => ProcessTable.IsAlive(record.Pid, record.StartTicks);

    private StackState StartAndRecord(ServerLauncher launcher, ServerSpec spec, StackState state)
    {
        var record = launcher.Start(spec);
        StackLog.Started(_logger, spec.Name, spec.Endpoint, record.Pid);
        var updated = state.With(record);
        updated.Save(Options.StateDirectory);
        return updated;
    }

    private static void EnsureAddressesFree(IEnumerable<ServerSpec> specs)
    {
        foreach (var spec in specs)
        {
            foreach (var (host, port) in spec.BoundAddresses)
            {
                if (!PortGuard.IsFree(host, port))
                {
                    var holder = PortGuard.DescribeHolder(host, port);
                    throw new StackException(StackErrorKind.PortInUse,
                        $"{host}:{port} (needed by {spec.Name}) is already in use by {holder ?? "another process"} that this stack did not start. "
                        + "Stop that process, or use another subnet (ORDERPIPELINE_STACK_SUBNET=127.0.N) and state folder (ORDERPIPELINE_STACK_DIR).");
                }
            }
        }
    }

    private bool Wipe()
    {
        var dir = Options.StateDirectory;
        if (!Directory.Exists(dir))
        {
            return true;
        }

        if (!File.Exists(Path.Combine(dir, StackState.MarkerFileName)) && Directory.EnumerateFileSystemEntries(dir).Any())
        {
            throw new StackException(StackErrorKind.Usage,
                $"Not wiping {dir}: it has no {StackState.MarkerFileName} marker, so the stack did not create it.");
        }

        Directory.Delete(dir, recursive: true);
        return true;
    }
}
