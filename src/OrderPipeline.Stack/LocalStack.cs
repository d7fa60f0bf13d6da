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
        var dataTopology = StackState.LoadDataTopology(Options.StateDirectory);
        var recorded = (state is { Servers.Count: > 0 } ? state.Topology : null) ?? dataTopology;
        var target = topology ?? recorded ?? StackTopology.OneEach;
        // Kafka topics and Cassandra's ring keep the replica placement of the topology that created them;
        // fewer brokers leave partitions without a leader, so a different topology needs fresh data.
        if (dataTopology is not null && dataTopology != target)
        {
            throw new StackException(StackErrorKind.Usage,
                $"The data in {Options.StateDirectory} belongs to a stack of {dataTopology}; asked for {target}. "
                + "Use the same topology, or run 'stack down --wipe' first (deletes that data).");
        }

        var java = Prerequisites.Java();
        var dist = await new DistributionInstaller(Options.CacheDirectory, _logger).EnsureInstalledAsync(cancellationToken)
            .ConfigureAwait(false);
        var layout = new StackLayout(Options, target);
        state = new StackState(Options.Subnet, target.KafkaBrokers, target.CassandraNodes, alive);
        var toStart = layout.All.Where(spec => state.Find(spec.Kind, spec.Index) is null).ToList();
        var started = toStart.Count;
        await EnsureAddressesFreeAsync(toStart, cancellationToken).ConfigureAwait(false);
        state.Save(Options.StateDirectory);
        StackState.SaveDataTopology(Options.StateDirectory, target);

        var launcher = new ServerLauncher(layout, dist, java);
        var deadline = DateTimeOffset.UtcNow + Options.StartTimeout;
        var zk = layout.ZooKeeper;
        if (toStart.Remove(zk))
        {
            state = StartAndRecord(launcher, zk, state);
        }

        await Readiness.WaitAsync(zk, state.Find(zk.Kind, 0)!, target, deadline, cancellationToken).ConfigureAwait(false);
        StackLog.Ready(_logger, zk.Name, clock.Elapsed.TotalSeconds);
        foreach (var spec in toStart)
        {
            state = StartAndRecord(launcher, spec, state);
        }

        await WaitAllReadyAsync(layout.All.Skip(1), state, target, deadline, cancellationToken).ConfigureAwait(false);
        StackLog.AllAnswer(_logger, clock.Elapsed.TotalSeconds);
        await TopicSetup.EnsureTopicsAsync(layout, dist, java, deadline, cancellationToken).ConfigureAwait(false);

        var status = await StatusAsync(cancellationToken).ConfigureAwait(false);
        return new StackInfo(layout, status.Servers, clock.Elapsed, started);
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

    /// Waits for every server; the first failure (a server that died) cancels the other waits and is thrown.
    private async Task WaitAllReadyAsync(IEnumerable<ServerSpec> specs, StackState state, StackTopology topology,
        DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var failFast = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var waits = specs.Select(async spec =>
        {
            try
            {
                await Readiness.WaitAsync(spec, state.Find(spec.Kind, spec.Index)!, topology, deadline, failFast.Token).ConfigureAwait(false);
                StackLog.Ready(_logger, spec.Name, clock.Elapsed.TotalSeconds);
            }
            catch (StackException)
            {
                await failFast.CancelAsync().ConfigureAwait(false);
                throw;
            }
        }).ToList();
        try
        {
            await Task.WhenAll(waits).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Cancelled because another server failed: report that failure, not the cancellation.
            throw waits.Select(w => w.Exception?.InnerException).OfType<StackException>().First();
        }
    }

    private static async Task EnsureAddressesFreeAsync(IEnumerable<ServerSpec> specs, CancellationToken cancellationToken)
    {
        foreach (var spec in specs)
        {
            foreach (var (host, port) in spec.BoundAddresses)
            {
                // A bound socket with no listener is usually a server of ours that is still exiting; give it a moment.
                for (var attempt = 0; !PortGuard.IsFree(host, port) && PortGuard.DescribeHolder(host, port) is null && attempt < 20; attempt++)
                {
                    await Task.Delay(250, cancellationToken).ConfigureAwait(false);
                }

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
