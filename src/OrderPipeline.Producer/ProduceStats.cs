namespace OrderPipeline.Producer;

/// <summary>What a run is doing, for live display: updated by the reading and delivery threads.</summary>
public enum ProducePhase
{
    Connecting,
    Scanning,
    Producing,
    Flushing,
    Done,
}

/// <summary>Live counters of a produce run. Thread-safe to read at any time.</summary>
public sealed class ProduceStats
{
    private long _rowsRead;
    private long _rejected;
    private long _sent;
    private long _delivered;
    private long _failed;

    public ProducePhase Phase { get; internal set; }

    /// <summary>Rows the run expects to send (after the first pass), or 0 while unknown.</summary>
    public long ExpectedOrders { get; internal set; }

    public long RowsRead => Interlocked.Read(ref _rowsRead);

    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Handed to the Kafka client (queued).</summary>
    public long Sent => Interlocked.Read(ref _sent);

    public long Delivered => Interlocked.Read(ref _delivered);

    public long Failed => Interlocked.Read(ref _failed);

    public long InFlight => Sent - Delivered - Failed;

    /// <summary>The first delivery error, if any (e.g. "Local: Message timed out").</summary>
    public string? FirstError { get; private set; }

    /// <summary>The latest client error or warning (e.g. a broker going away), if any.</summary>
    public string? LastClientMessage { get; internal set; }

    internal void AddRead() => Interlocked.Increment(ref _rowsRead);

    internal void AddRejected() => Interlocked.Increment(ref _rejected);

    internal void AddSent() => Interlocked.Increment(ref _sent);

    internal void AddDelivered() => Interlocked.Increment(ref _delivered);

    internal void AddFailed(string reason)
    {
        if (Interlocked.Increment(ref _failed) == 1)
        {
            FirstError = reason;
        }
    }
}
