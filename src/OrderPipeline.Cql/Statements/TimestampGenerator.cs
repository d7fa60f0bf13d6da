namespace OrderPipeline.Cql.Statements;

/// <summary>
/// Client-side write timestamps in microseconds: the wall clock, but strictly increasing across calls, so two
/// writes from this client to the same cell never tie even within one clock tick.
/// </summary>
internal sealed class TimestampGenerator(TimeProvider time)
{
    private long _last;

    public long Next()
    {
        var now = (time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks / 10;
        while (true)
        {
            var last = Volatile.Read(ref _last);
            var next = now > last ? now : last + 1;
            if (Interlocked.CompareExchange(ref _last, next, last) == last)
            {
                return next;
            }
        }
    }
}
