namespace OrderPipeline.Consumer.Offsets;

/// <summary>
/// Offset bookkeeping for one assigned partition. Messages are tracked in the order they were consumed
/// (increasing offsets, possibly with gaps) and complete in any order because many Cassandra writes are in
/// flight at once. The committable offset is the lowest tracked offset that is not yet complete, or the
/// offset after the last tracked one when all are complete: committing it covers only messages that were
/// durably written or dead-lettered.
/// </summary>
/// <remarks>
/// Thread-safe: <see cref="Track"/> is called by the consume loop, <see cref="Complete"/> by write tasks.
/// One instance lives for one assignment of the partition; after a revoke it is detached and late
/// completions of writes started under the old assignment no longer move anything.
/// </remarks>
public sealed class PartitionOffsets
{
    private readonly object _gate = new();
    private readonly Queue<long> _pending = new();
    private readonly HashSet<long> _completedOutOfOrder = [];
    private long _lastTracked = -1;
    private long _committable = -1;
    private long _committed = -1;
    private int _inFlight;
    private bool _detached;

    public PartitionOffsets(string topic, int partition)
    {
        Topic = topic;
        Partition = partition;
    }

    public string Topic { get; }

    public int Partition { get; }

    /// <summary>Messages tracked and not yet completed.</summary>
    public int InFlight
    {
        get
        {
            lock (_gate)
            {
                return _inFlight;
            }
        }
    }

    /// <summary>Tracked messages still held in the window (incomplete ones plus completed ones behind them).</summary>
    public int Window
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>
    /// The offset to commit (the next message to read after a restart), or -1 when nothing was tracked yet.
    /// </summary>
    public long Committable
    {
        get
        {
            lock (_gate)
            {
                return _committable;
            }
        }
    }

    /// <summary>Registers a consumed message; offsets must be strictly increasing.</summary>
    public void Track(long offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        lock (_gate)
        {
            if (offset <= _lastTracked)
            {
                throw new InvalidOperationException(
                    $"Offset {offset} of {Topic}[{Partition}] is not after the last tracked offset {_lastTracked}.");
            }

            if (_lastTracked < 0)
            {
                // The first message of an assignment is where the group's committed position already is:
                // committing it again would be a no-op round trip.
                _committed = offset;
            }

            if (_pending.Count == 0)
            {
                // Nothing incomplete: the new message is the lowest incomplete one.
                _committable = offset;
            }

            _pending.Enqueue(offset);
            _lastTracked = offset;
            _inFlight++;
        }
    }

    /// <summary>
    /// Marks a tracked message as durably handled. Returns false when the message is unknown (the partition
    /// was revoked meanwhile, or the offset was already completed).
    /// </summary>
    public bool Complete(long offset)
    {
        lock (_gate)
        {
            if (_detached || _pending.Count == 0 || offset < _pending.Peek() || offset > _lastTracked)
            {
                return false;
            }

            if (offset != _pending.Peek())
            {
                if (!_completedOutOfOrder.Add(offset))
                {
                    return false;
                }
            }
            else
            {
                _pending.Dequeue();
                while (_pending.Count > 0 && _completedOutOfOrder.Remove(_pending.Peek()))
                {
                    _pending.Dequeue();
                }

                _committable = _pending.Count > 0 ? _pending.Peek() : _lastTracked + 1;
            }

            _inFlight--;
            if (_inFlight == 0)
            {
                Monitor.PulseAll(_gate);
            }

            return true;
        }
    }

    /// <summary>
    /// The committable offset if it moved since the last <see cref="MarkCommitted"/>; otherwise null.
    /// </summary>
    public long? PendingCommit()
    {
        lock (_gate)
        {
            return _committable > _committed ? _committable : null;
        }
    }

    public void MarkCommitted(long offset)
    {
        lock (_gate)
        {
            _committed = Math.Max(_committed, offset);
        }
    }

    /// <summary>
    /// Blocks until every tracked message completed or the timeout passed; returns true when drained.
    /// Used by the rebalance callback, which runs synchronously on the consume thread.
    /// </summary>
    public bool WaitForDrain(TimeSpan timeout)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        lock (_gate)
        {
            while (_inFlight > 0)
            {
                var remaining = deadline - Environment.TickCount64;
                if (remaining <= 0)
                {
                    return false;
                }

                Monitor.Wait(_gate, TimeSpan.FromMilliseconds(remaining));
            }

            return true;
        }
    }

    /// <summary>Stops accepting completions; called when the partition leaves this consumer.</summary>
    public void Detach()
    {
        lock (_gate)
        {
            _detached = true;
            Monitor.PulseAll(_gate);
        }
    }
}
