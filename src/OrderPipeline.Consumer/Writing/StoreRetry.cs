namespace OrderPipeline.Consumer.Writing;

/// <summary>How a failed Cassandra write may be handled.</summary>
public enum StoreFailureKind
{
    /// <summary>Not applied (Unavailable, overloaded) or maybe applied (WriteTimeout), or no connection: retry.
    /// Retrying a maybe-applied write is safe because every write is an idempotent upsert with a fixed timestamp.</summary>
    Transient,

    /// <summary>The server rejected this write itself (e.g. Invalid): retrying cannot help.</summary>
    Permanent,
}

/// <summary>
/// Runs one write until it succeeds, retrying transient failures with exponential backoff forever (a message is
/// never dropped because Cassandra is down), and reporting each outcome to <see cref="StoreHealth"/> so the
/// consume loop pauses while Cassandra is down. Only cancellation or a permanent failure ends it early.
/// </summary>
public sealed class StoreRetry(
    StoreHealth health,
    ConsumerStats stats,
    RetryBackoff backoff,
    Func<Exception, StoreFailureKind> classify,
    TimeProvider time)
{
    /// <summary>Returns null when the write succeeded, or the permanent failure.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled before the write succeeded.</exception>
    public Task<Exception?> ExecuteAsync(Func<CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        return ExecuteAsync(static (w, ct) => w(ct), write, cancellationToken);
    }

    /// <summary>The same with the write's state passed along (a static lambda: no closure per message).</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled before the write succeeded.</exception>
    public async Task<Exception?> ExecuteAsync<TState>(Func<TState, CancellationToken, Task> write, TState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var failures = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await write(state, cancellationToken);
                health.ReportSuccess();
                return null;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // Every failure is classified: transient ones retried, the rest returned to the caller.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                if (classify(ex) == StoreFailureKind.Permanent)
                {
                    return ex;
                }

                failures++;
                stats.AddRetry();
                health.ReportFailure();
                await Task.Delay(backoff.Delay(failures), time, cancellationToken);
            }
        }
    }
}
