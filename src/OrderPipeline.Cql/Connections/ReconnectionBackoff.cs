namespace OrderPipeline.Cql.Connections;

/// <summary>
/// Exponential backoff with full jitter: attempt n waits a random time in [base * 2^n / 2, base * 2^n], capped,
/// so many clients that lost the same node do not all come back in lockstep.
/// </summary>
internal sealed class ReconnectionBackoff(TimeSpan baseDelay, TimeSpan maxDelay)
{
    public TimeSpan Delay(int attempt)
    {
        var exponent = Math.Min(attempt, 20);
        var ceiling = Math.Min(maxDelay.Ticks, baseDelay.Ticks * (1L << exponent));
        var jittered = (ceiling / 2) + (long)(Random.Shared.NextDouble() * (ceiling / 2));
        return TimeSpan.FromTicks(Math.Max(jittered, baseDelay.Ticks / 2));
    }
}
