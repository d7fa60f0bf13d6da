namespace OrderPipeline.Producer;

/// <summary>
/// Paces sends to N per second on a schedule (message i is due at start + i/N), like a token bucket refilled
/// continuously: the caller sleeps only when it is ahead of the schedule by at least
/// <see cref="MinSleep"/>, so at high rates several messages go out between two sleeps instead of one sleep
/// per message. After a stall longer than <see cref="MaxCatchUp"/> the schedule restarts from now, so a
/// pause is not followed by an unbounded burst.
/// </summary>
public sealed class RatePacer
{
    public static readonly TimeSpan MinSleep = TimeSpan.FromMilliseconds(2);
    public static readonly TimeSpan MaxCatchUp = TimeSpan.FromSeconds(1);

    private readonly double _ticksPerMessage;
    private readonly TimeProvider _time;
    private long _origin;
    private long _sentSinceOrigin;

    public RatePacer(double messagesPerSecond, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(messagesPerSecond);
        _time = time ?? TimeProvider.System;
        _ticksPerMessage = _time.TimestampFrequency / messagesPerSecond;
        _origin = _time.GetTimestamp();
    }

    /// <summary>Call before each send: how long to wait first (zero most of the time).</summary>
    public TimeSpan NextDelay()
    {
        var now = _time.GetTimestamp();
        var due = _origin + (long)(_sentSinceOrigin * _ticksPerMessage);
        if (now - due > MaxCatchUp.TotalSeconds * _time.TimestampFrequency)
        {
            _origin = now;
            _sentSinceOrigin = 0;
            due = now;
        }

        _sentSinceOrigin++;
        var ahead = _time.GetElapsedTime(now, due);
        return due > now && ahead >= MinSleep ? ahead : TimeSpan.Zero;
    }
}
