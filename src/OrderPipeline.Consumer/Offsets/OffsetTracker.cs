using System.Collections.Concurrent;
using Confluent.Kafka;

namespace OrderPipeline.Consumer.Offsets;

/// <summary>
/// The per-partition trackers of the current assignment. Assignment changes and commits happen on the
/// consume thread; completions come from write tasks and go straight to the <see cref="PartitionOffsets"/>
/// captured when the message was tracked, so a completion after a revoke cannot touch a newer assignment.
/// </summary>
public sealed class OffsetTracker
{
    private readonly ConcurrentDictionary<TopicPartition, PartitionOffsets> _partitions = new();

    // The dictionary's values as an array, replaced whenever a partition is added or removed: the consume loop
    // reads Window before every message, and ConcurrentDictionary.Values takes every lock and copies a list.
    private volatile PartitionOffsets[] _snapshot = [];
    private readonly Lock _snapshotGate = new();

    public IReadOnlyCollection<PartitionOffsets> Partitions => _snapshot;

    /// <summary>Messages tracked and not yet completed, over all partitions.</summary>
    public int InFlight
    {
        get
        {
            var sum = 0;
            foreach (var p in _snapshot)
            {
                sum += p.InFlight;
            }

            return sum;
        }
    }

    /// <summary>Tracked entries held in memory, over all partitions (bounded by the consume loop).</summary>
    public int Window
    {
        get
        {
            var sum = 0;
            foreach (var p in _snapshot)
            {
                sum += p.Window;
            }

            return sum;
        }
    }

    public void Assign(IEnumerable<TopicPartition> partitions)
    {
        foreach (var tp in partitions)
        {
            GetOrAdd(tp);
        }
    }

    /// <summary>Tracks a consumed message; the returned handle completes it later.</summary>
    public PartitionOffsets Track(TopicPartitionOffset message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var partition = GetOrAdd(message.TopicPartition);
        partition.Track(message.Offset.Value);
        return partition;
    }

    private PartitionOffsets GetOrAdd(TopicPartition tp)
    {
        if (_partitions.TryGetValue(tp, out var existing))
        {
            return existing;
        }

        var partition = _partitions.GetOrAdd(tp, static t => new PartitionOffsets(t.Topic, t.Partition.Value));
        RefreshSnapshot();
        return partition;
    }

    private void RefreshSnapshot()
    {
        lock (_snapshotGate)
        {
            _snapshot = [.. _partitions.Values];
        }
    }

    /// <summary>Offsets that moved since the last commit; call <see cref="MarkCommitted"/> after committing them.</summary>
    public IReadOnlyList<TopicPartitionOffset> PendingCommits() => PendingCommits(_partitions.Keys);

    public IReadOnlyList<TopicPartitionOffset> PendingCommits(IEnumerable<TopicPartition> partitions)
    {
        var result = new List<TopicPartitionOffset>();
        foreach (var tp in partitions)
        {
            if (_partitions.TryGetValue(tp, out var p) && p.PendingCommit() is { } offset)
            {
                result.Add(new TopicPartitionOffset(tp, new Offset(offset)));
            }
        }

        return result;
    }

    public void MarkCommitted(IEnumerable<TopicPartitionOffset> offsets)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        foreach (var tpo in offsets)
        {
            if (_partitions.TryGetValue(tpo.TopicPartition, out var p))
            {
                p.MarkCommitted(tpo.Offset.Value);
            }
        }
    }

    /// <summary>
    /// Waits (bounded, shared deadline) for the in-flight writes of the given partitions; returns the
    /// partitions that did not drain in time. Their committable offset still covers only finished messages.
    /// </summary>
    public IReadOnlyList<TopicPartition> WaitForDrain(IEnumerable<TopicPartition> partitions, TimeSpan timeout)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        var undrained = new List<TopicPartition>();
        foreach (var tp in partitions)
        {
            if (!_partitions.TryGetValue(tp, out var p))
            {
                continue;
            }

            var remaining = TimeSpan.FromMilliseconds(Math.Max(0, deadline - Environment.TickCount64));
            if (!p.WaitForDrain(remaining))
            {
                undrained.Add(tp);
            }
        }

        return undrained;
    }

    /// <summary>Forgets the partitions (after a revoke or loss); late completions for them are ignored.</summary>
    public void Remove(IEnumerable<TopicPartition> partitions)
    {
        foreach (var tp in partitions)
        {
            if (_partitions.TryRemove(tp, out var p))
            {
                p.Detach();
            }
        }

        RefreshSnapshot();
    }
}
