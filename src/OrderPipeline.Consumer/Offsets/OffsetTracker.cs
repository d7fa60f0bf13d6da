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

    public IReadOnlyCollection<PartitionOffsets> Partitions => [.. _partitions.Values];

    /// <summary>Messages tracked and not yet completed, over all partitions.</summary>
    public int InFlight => _partitions.Values.Sum(p => p.InFlight);

    /// <summary>Tracked entries held in memory, over all partitions (bounded by the consume loop).</summary>
    public int Window => _partitions.Values.Sum(p => p.Window);

    public void Assign(IEnumerable<TopicPartition> partitions)
    {
        foreach (var tp in partitions)
        {
            _partitions.GetOrAdd(tp, static t => new PartitionOffsets(t.Topic, t.Partition.Value));
        }
    }

    /// <summary>Tracks a consumed message; the returned handle completes it later.</summary>
    public PartitionOffsets Track(TopicPartitionOffset message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var partition = _partitions.GetOrAdd(
            message.TopicPartition, static t => new PartitionOffsets(t.Topic, t.Partition.Value));
        partition.Track(message.Offset.Value);
        return partition;
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
    }
}
