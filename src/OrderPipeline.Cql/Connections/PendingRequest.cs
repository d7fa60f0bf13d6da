using OrderPipeline.Cql.Protocol;

namespace OrderPipeline.Cql.Connections;

/// <summary>
/// One request in flight on a connection: the frame to write, the completion the caller awaits and its timing.
/// <see cref="State"/> moves Queued -> Written, or to Abandoned when the caller gave up (timeout or cancellation);
/// an abandoned request keeps its stream id until the server answers, so the id is never reused too early.
/// </summary>
internal sealed class PendingRequest(short stream, FrameBuffer frame, long startTimestamp, TimeSpan timeout)
{
    public const int Queued = 0;
    public const int Written = 1;
    public const int Abandoned = 2;

    private int _state;

    public TaskCompletionSource<Frame> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public short Stream { get; } = stream;

    public FrameBuffer? Frame { get; set; } = frame;

    public long StartTimestamp { get; } = startTimestamp;

    public TimeSpan Timeout { get; } = timeout;

    public int State => Volatile.Read(ref _state);

    /// <summary>The writer claims the request; false when it was abandoned before reaching the socket.</summary>
    public bool TryMarkWritten() => Interlocked.CompareExchange(ref _state, Written, Queued) == Queued;

    /// <summary>Marks the request abandoned; returns the state it had before.</summary>
    public int MarkAbandoned() => Interlocked.Exchange(ref _state, Abandoned);
}
