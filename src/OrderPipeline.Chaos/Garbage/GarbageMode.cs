namespace OrderPipeline.Chaos.Garbage;

/// What the garbage server answers to the client's first request on every connection.
public enum GarbageMode
{
    /// Accepts the connection and closes it without a byte.
    CloseAtOnce,

    /// 4 KB of random bytes (the first one is no response version).
    RandomBytes,

    /// A response header announcing 100 body bytes, 10 of them, then the connection is closed.
    TruncatedThenClose,

    /// A response header announcing 100 body bytes, 10 of them, then silence with the connection open.
    TruncatedThenStall,

    /// A complete READY frame, but on a stream id the client never used.
    WrongStreamId,

    /// A header announcing int.MaxValue body bytes: above the protocol's 256 MB limit.
    HugeLengthOverLimit,

    /// A header announcing 250 MB (within the limit), 64 KB of it, then silence: nothing may be allocated up front.
    HugeLengthThenStall,

    /// A header with a negative body length.
    NegativeLength,
}
