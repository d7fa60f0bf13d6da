namespace OrderPipeline.Consumer.Writing;

/// <summary>
/// Exponential backoff with full jitter for retrying transient Cassandra errors: the delay before attempt
/// n+1 is random in [base * 2^n / 2, base * 2^n], capped. Jitter keeps hundreds of in-flight writes that failed
/// together from retrying in lockstep against a recovering node.
/// </summary>
public sealed class RetryBackoff
{
    private readonly TimeSpan _initial;
    private readonly TimeSpan _max;

    public RetryBackoff(TimeSpan initial, TimeSpan max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(initial, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, initial);
        _initial = initial;
        _max = max;
    }

    public static RetryBackoff Default { get; } = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5));

    /// <summary>The delay before retrying after <paramref name="failures"/> consecutive failures (1 = first).</summary>
    public TimeSpan Delay(int failures)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        var exponent = Math.Min(failures - 1, 30);
        var ceiling = Math.Min(_max.TotalMilliseconds, _initial.TotalMilliseconds * Math.Pow(2, exponent));
        var jittered = ceiling / 2 + (Random.Shared.NextDouble() * ceiling / 2);
        return TimeSpan.FromMilliseconds(jittered);
    }
}
