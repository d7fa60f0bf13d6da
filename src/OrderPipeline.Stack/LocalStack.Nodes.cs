using OrderPipeline.Stack.Install;
using OrderPipeline.Stack.Processes;

namespace OrderPipeline.Stack;

/// Single-server operations for fault tests: stop, kill (any signal) and restart one broker or node.
public sealed partial class LocalStack
{
    private enum StopOutcome
    {
        NotRunning,
        Terminated,
        Killed,
    }

    /// Stops one server gracefully (SIGTERM, SIGKILL after the stop timeout). Its record stays, so `status`
    /// reports the stack as degraded until <see cref="StartNodeAsync"/> brings it back.
    public async Task StopNodeAsync(ServerKind kind, int index, CancellationToken cancellationToken = default)
    {
        using var stackLock = await StackLock.AcquireAsync(Options.StateDirectory, LockTimeout, cancellationToken).ConfigureAwait(false);
        await StopAsync(RequireRecord(kind, index), cancellationToken).ConfigureAwait(false);
    }

    /// Sends <paramref name="signal"/> to one server (SIGKILL by default, to simulate a crash). For SIGKILL it
    /// returns once the process is gone.
    public async Task KillNodeAsync(ServerKind kind, int index, Signal signal = Signal.Kill, CancellationToken cancellationToken = default)
    {
        var record = RequireRecord(kind, index);
        if (!IsAlive(record))
        {
            return;
        }

        ProcessTable.Send(record.Pid, signal);
        if (signal == Signal.Kill)
        {
            while (IsAlive(record))
            {
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// Starts one recorded server again (after a stop or kill) and waits until it is ready and, for a cluster
    /// member, sees the others again.
    public async Task StartNodeAsync(ServerKind kind, int index, CancellationToken cancellationToken = default)
    {
        using var stackLock = await StackLock.AcquireAsync(Options.StateDirectory, LockTimeout, cancellationToken).ConfigureAwait(false);
        var state = StackState.Load(Options.StateDirectory)
            ?? throw new StackException(StackErrorKind.Usage, $"No stack is recorded in {Options.StateDirectory}; run 'stack up' first.");
        var layout = new StackLayout(Options, state.Topology);
        var spec = layout.Spec(kind, index);
        var record = state.Find(kind, index);
        if (record is null || !IsAlive(record))
        {
            EnsureAddressesFree([spec]);
            var dist = await new DistributionInstaller(Options.CacheDirectory, _logger).EnsureInstalledAsync(cancellationToken)
                .ConfigureAwait(false);
            state = StartAndRecord(new ServerLauncher(layout, dist, Prerequisites.Java()), spec, state);
            record = state.Find(kind, index)!;
        }

        await Readiness.WaitAsync(spec, record, state.Topology, DateTimeOffset.UtcNow + Options.StartTimeout, cancellationToken)
            .ConfigureAwait(false);
    }

    private ServerRecord RequireRecord(ServerKind kind, int index) =>
        StackState.Load(Options.StateDirectory)?.Find(kind, index)
        ?? throw new StackException(StackErrorKind.Usage, $"No {kind} {index} is recorded in {Options.StateDirectory}.");

    private async Task<StopOutcome> StopAsync(ServerRecord record, CancellationToken cancellationToken)
    {
        if (!IsAlive(record))
        {
            return StopOutcome.NotRunning;
        }

        ProcessTable.Send(record.Pid, Signal.Terminate);
        var deadline = DateTimeOffset.UtcNow + Options.StopTimeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (!IsAlive(record))
            {
                StackLog.Stopped(_logger, record.Kind, record.Index, record.Pid);
                return StopOutcome.Terminated;
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        StackLog.Killing(_logger, record.Kind, record.Index, record.Pid, Options.StopTimeout.TotalSeconds);
        ProcessTable.Send(record.Pid, Signal.Kill);
        while (IsAlive(record))
        {
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }

        return StopOutcome.Killed;
    }
}
