using OrderPipeline.Cql.Protocol;

namespace OrderPipeline.Cql.Connections;

/// <summary>
/// One request in flight on a connection: the frame to write, the completion the caller awaits and its timing.
/// <see cref="State"/> moves Queued -> Written, or to Abandoned when the caller gave up (timeout or cancellation);
/// an abandoned request keeps its stream id until the server answers, so the id is never reused too early.
/// </summary>
/// <remarks>It is its own completion source (one object less per request than holding one).</remarks>
internal sealed class PendingRequest(short stream, FrameBuffer frame, long startTimestamp, TimeSpan timeout)
    : TaskCompletionSource<Frame>(TaskCreationOptions.RunContinuationsAsynchronously)
{
    public const int Queued = 0;
    public const int Written = 1;
    public const int Abandoned = 2;

    private int _state;
    private bool _completed;
    private CancellationTokenRegistration _cancellation;

    public TaskCompletionSource<Frame> Completion => this;

    public short Stream { get; } = stream;

    public FrameBuffer? Frame { get; set; } = frame;

    public long StartTimestamp { get; } = startTimestamp;

    public TimeSpan Timeout { get; } = timeout;

    public int State => Volatile.Read(ref _state);

    /// <summary>The writer claims the request; false when it was abandoned before reaching the socket.</summary>
    public bool TryMarkWritten() => Interlocked.CompareExchange(ref _state, Written, Queued) == Queued;

    /// <summary>
    /// Keeps the caller's cancellation registration until the request completes. If it completed already, the
    /// registration is dropped at once; either way it never outlives the request (a long-lived token would
    /// otherwise collect one registration per request).
    /// </summary>
    public void AttachCancellation(CancellationTokenRegistration registration)
    {
        bool completed;
        lock (this)
        {
            completed = _completed;
            if (!completed)
            {
                _cancellation = registration;
            }
        }

        if (completed)
        {
            registration.Unregister();
        }
    }

    public new bool TrySetResult(Frame frame)
    {
        var set = base.TrySetResult(frame);
        DropCancellation();
        return set;
    }

    public new bool TrySetException(Exception error)
    {
        var set = base.TrySetException(error);
        DropCancellation();
        return set;
    }

    /// <summary>Marks the request abandoned; returns the state it had before.</summary>
    public int MarkAbandoned() => Interlocked.Exchange(ref _state, Abandoned);

    private void DropCancellation()
    {
        CancellationTokenRegistration registration;
        lock (this)
        {
            _completed = true;
            registration = _cancellation;
            _cancellation = default;
        }

        // Unregister, not Dispose: it never waits for a callback that is running (the reader must not block).
        registration.Unregister();
    }
}
