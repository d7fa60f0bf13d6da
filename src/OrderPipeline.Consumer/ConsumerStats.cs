namespace OrderPipeline.Consumer;

/// <summary>Live counters of one consumer run, written by the consume loop and the writes, read by the status line.</summary>
public sealed class ConsumerStats
{
    private long _received;
    private long _stored;
    private long _deadLettered;
    private long _retries;
    private long _lag = -1;
    private long _committed;

    public long Received => Interlocked.Read(ref _received);

    public long Stored => Interlocked.Read(ref _stored);

    public long DeadLettered => Interlocked.Read(ref _deadLettered);

    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Messages behind the end of the assigned partitions; -1 while unknown.</summary>
    public long Lag => Interlocked.Read(ref _lag);

    /// <summary>Offset commits that succeeded.</summary>
    public long Commits => Interlocked.Read(ref _committed);

    public int InFlight { get; internal set; }

    public bool Paused { get; internal set; }

    public int AssignedPartitions { get; internal set; }

    internal void AddReceived() => Interlocked.Increment(ref _received);

    internal void AddStored() => Interlocked.Increment(ref _stored);

    internal void AddDeadLettered() => Interlocked.Increment(ref _deadLettered);

    internal void AddRetry() => Interlocked.Increment(ref _retries);

    internal void AddCommit() => Interlocked.Increment(ref _committed);

    internal void SetLag(long lag) => Interlocked.Exchange(ref _lag, lag);
}
