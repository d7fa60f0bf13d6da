using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using OrderPipeline.Consumer.Offsets;
using OrderPipeline.Kafka;
using OrderPipeline.Consumer.Writing;

namespace OrderPipeline.Consumer;

/// <summary>
/// The blocking Kafka consume loop. One thread consumes; each message is handed to the
/// <see cref="IMessageHandler"/> as a task (many in flight, bounded by <see cref="ConsumerOptions.MaxInFlight"/>);
/// offsets are committed from the <see cref="OffsetTracker"/>, so a commit only ever covers messages that were
/// durably stored or dead-lettered. While Cassandra is down, or all write slots stay busy, the assigned
/// partitions are paused and the loop keeps polling, which keeps the group membership and rebalances alive.
/// </summary>
public sealed partial class ConsumeLoop : IDisposable
{
    private static readonly TimeSpan PollTimeout = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan StallBeforePause = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LagInterval = TimeSpan.FromMilliseconds(500);

    // --until-idle before the group has assigned anything: a member killed a moment ago still holds its
    // partitions until its session expires (at most 30 s on 0.9), so joining can take that long.
    private static readonly TimeSpan JoinGrace = TimeSpan.FromSeconds(30);

    private readonly ConsumerOptions _options;
    private readonly IMessageHandler _handler;
    private readonly StoreHealth _health;
    private readonly ConsumerStats _stats;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly OffsetTracker _tracker = new();
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _writesAbort = new();

    // Benchmark hook (off unless its environment variable is set): when each stored message was acknowledged.
    private readonly MessageTimingLog? _timings = MessageTimingLog.Open(MessageTimingLog.ConsumerVariable);
    private IConsumer<byte[]?, byte[]?>? _consumer;
    private bool _paused;
    private long _assignedAt;
    private Exception? _fatal;

    public ConsumeLoop(
        ConsumerOptions options,
        IMessageHandler handler,
        StoreHealth health,
        ConsumerStats stats,
        ILogger<ConsumeLoop> logger,
        TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _handler = handler;
        _health = health;
        _stats = stats;
        _logger = logger;
        _time = time;
        _slots = new SemaphoreSlim(options.MaxInFlight, options.MaxInFlight);
    }

    /// <summary>Runs until stopped, idle or the message limit; blocks the calling thread.</summary>
    public ConsumerRunResult Run(CancellationToken stoppingToken)
    {
        using var consumer = BuildConsumer();
        _consumer = consumer;
        consumer.Subscribe(_options.Kafka.Topic);
        var outcome = ConsumerRunOutcome.Stopped;
        try
        {
            outcome = ConsumeUntilDone(consumer, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            outcome = ConsumerRunOutcome.Stopped;
        }
        catch (KafkaException ex) when (ex.Error.IsFatal)
        {
            _fatal = ex;
        }

        var unfinished = FinishInFlight(consumer);
        if (_fatal is not null)
        {
            return new ConsumerRunResult(ConsumerRunOutcome.Failed, unfinished, _fatal.Message);
        }

        var error = unfinished > 0
            ? $"{unfinished} writes were still retrying at shutdown; their offsets were not committed and they will be read again."
            : null;
        return new ConsumerRunResult(outcome, unfinished, error);
    }

    /// Idle time counts from the latest message or (re)assignment, so a rebalance that keeps the member
    /// without partitions for a while (a killed member's session running out) does not end the run early.
    private bool IsIdle(TimeSpan idle, long start, long lastMessage)
    {
        var assignedAt = Volatile.Read(ref _assignedAt);
        return assignedAt == 0
            ? _time.GetElapsedTime(start) >= idle + JoinGrace
            : _time.GetElapsedTime(Math.Max(lastMessage, assignedAt)) >= idle;
    }

    private ConsumerRunOutcome ConsumeUntilDone(IConsumer<byte[]?, byte[]?> consumer, CancellationToken stop)
    {
        var now = _time.GetTimestamp();
        var start = now;
        var lastMessage = now;
        var lastCommit = now;
        var lastLag = now;
        long? stallStart = null;
        while (!stop.IsCancellationRequested && _fatal is null)
        {
            now = _time.GetTimestamp();
            if (_time.GetElapsedTime(lastCommit) >= _options.CommitInterval)
            {
                CommitPending(_tracker.PendingCommits());
                lastCommit = now;
            }

            if (_time.GetElapsedTime(lastLag) >= LagInterval)
            {
                UpdateLag(consumer);
                lastLag = now;
            }

            if (_options.MaxMessages is { } max && _stats.Received >= max)
            {
                return ConsumerRunOutcome.Completed;
            }

            if (_options.UntilIdle is { } idle && IsIdle(idle, start, lastMessage) && _tracker.InFlight == 0)
            {
                return ConsumerRunOutcome.Completed;
            }

            if (!AcquireSlot(stop))
            {
                stallStart ??= now;
                ApplyFlowControl(consumer, stalled: _time.GetElapsedTime(stallStart.Value) >= StallBeforePause);
                if (_paused)
                {
                    // Polling while paused serves heartbeats-independent duties (rebalance callbacks,
                    // max.poll.interval.ms); a message can still arrive if it was fetched before the pause.
                    var early = consumer.Consume(TimeSpan.Zero);
                    if (early is not null && !early.IsPartitionEOF)
                    {
                        _slots.Wait(stop);
                        Dispatch(early);
                        lastMessage = _time.GetTimestamp();
                    }
                }

                continue;
            }

            stallStart = null;
            ApplyFlowControl(consumer, stalled: false);
            ConsumeResult<byte[]?, byte[]?>? result;
            try
            {
                result = consumer.Consume(PollTimeout);
            }
            catch (ConsumeException ex) when (!ex.Error.IsFatal)
            {
                _slots.Release();
                LogConsumeError(ex.Error.Code, ex.Error.Reason);
                continue;
            }
            catch
            {
                _slots.Release();
                throw;
            }

            if (result is null || result.IsPartitionEOF)
            {
                _slots.Release();
                continue;
            }

            lastMessage = _time.GetTimestamp();
            Dispatch(result);
        }

        return ConsumerRunOutcome.Stopped;
    }

    private bool AcquireSlot(CancellationToken stop)
    {
        if (_tracker.Window >= _options.MaxWindow)
        {
            // The window is full behind an unfinished message: wait instead of spinning.
            stop.WaitHandle.WaitOne(PollTimeout);
            return false;
        }

        return _slots.Wait(PollTimeout, stop);
    }

    private void Dispatch(ConsumeResult<byte[]?, byte[]?> message)
    {
        var partition = _tracker.Track(message.TopicPartitionOffset);
        _stats.AddReceived();
        _stats.InFlight = _options.MaxInFlight - _slots.CurrentCount;
        _ = HandleAsync(message, partition);
    }

    private async Task HandleAsync(ConsumeResult<byte[]?, byte[]?> message, PartitionOffsets partition)
    {
        try
        {
            var outcome = await _handler.HandleAsync(message, _writesAbort.Token);
            if (outcome == MessageOutcome.Stored)
            {
                _stats.AddStored();
                _timings?.Write(message.Partition.Value, message.Offset.Value,
                    message.Message.Timestamp.Type == TimestampType.NotAvailable ? -1 : message.Message.Timestamp.UnixTimestampMs,
                    DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            }
            else
            {
                _stats.AddDeadLettered();
            }

            partition.Complete(message.Offset.Value);
        }
        catch (OperationCanceledException) when (_writesAbort.IsCancellationRequested)
        {
            // Shutdown gave up on this write: it stays incomplete, so its offset is never committed.
        }
#pragma warning disable CA1031 // Any other failure is a bug in the handler: stop consuming rather than commit past it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogHandlerFailed(ex, message.TopicPartitionOffset);
            _fatal ??= ex;
        }
        finally
        {
            _slots.Release();
        }
    }

    private void ApplyFlowControl(IConsumer<byte[]?, byte[]?> consumer, bool stalled)
    {
        var wanted = _health.IsDown || stalled;
        if (wanted == _paused)
        {
            return;
        }

        var assignment = consumer.Assignment;
        if (wanted)
        {
            consumer.Pause(assignment);
            if (_health.IsDown)
            {
                LogPausedForOutage(assignment.Count);
            }
            else
            {
                LogPausedForBackpressure(assignment.Count);
            }
        }
        else
        {
            consumer.Resume(assignment);
            LogResumed(assignment.Count);
        }

        _paused = wanted;
        _stats.Paused = wanted;
    }

    private void CommitPending(IReadOnlyList<TopicPartitionOffset> offsets)
    {
        if (offsets.Count == 0 || _consumer is null)
        {
            return;
        }

        try
        {
            _consumer.Commit(offsets);
            _tracker.MarkCommitted(offsets);
            _stats.AddCommit();
        }
        catch (KafkaException ex)
        {
            // Not marked committed, so the next interval tries again; meanwhile a restart replays a little more.
            LogCommitFailed(ex.Error.Code, ex.Error.Reason);
        }
    }

    private void UpdateLag(IConsumer<byte[]?, byte[]?> consumer)
    {
        long lag = 0;
        var known = false;
        foreach (var tp in consumer.Assignment)
        {
            var high = consumer.GetWatermarkOffsets(tp).High;
            var position = consumer.Position(tp);
            if (high == Offset.Unset || position == Offset.Unset)
            {
                continue;
            }

            lag += Math.Max(0, high.Value - position.Value);
            known = true;
        }

        _stats.SetLag(known ? lag : -1);
        _stats.InFlight = _options.MaxInFlight - _slots.CurrentCount;
        _stats.AssignedPartitions = consumer.Assignment.Count;
    }

    /// <summary>Waits (bounded) for in-flight writes, commits what they finished, and leaves the group.</summary>
    private int FinishInFlight(IConsumer<byte[]?, byte[]?> consumer)
    {
        var all = _tracker.Partitions.Select(p => new TopicPartition(p.Topic, new Partition(p.Partition))).ToList();
        var undrained = _tracker.WaitForDrain(all, _options.ShutdownDrainTimeout);
        var unfinished = 0;
        if (undrained.Count > 0)
        {
            unfinished = _tracker.InFlight;
            LogShutdownUndrained(unfinished);
            _writesAbort.Cancel();
        }

        CommitPending(_tracker.PendingCommits());
        try
        {
            consumer.Close();
        }
        catch (KafkaException ex)
        {
            LogCommitFailed(ex.Error.Code, ex.Error.Reason);
        }

        _consumer = null;
        return unfinished;
    }

    public void Dispose()
    {
        _slots.Dispose();
        _writesAbort.Dispose();
        _timings?.Dispose();
    }
}
