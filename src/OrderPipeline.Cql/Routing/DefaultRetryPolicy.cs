namespace OrderPipeline.Cql.Routing;

/// <summary>
/// Retries only when it cannot cause a double write: a request never sent, or a coordinator that refused it
/// outright (overloaded, bootstrapping) may go to the next node; timeouts, Unavailable and broken connections
/// are retried once on the next node for idempotent statements only. Everything else reaches the caller.
/// </summary>
internal sealed class DefaultRetryPolicy : IRetryPolicy
{
    public const int MaxRetries = 1;

    public static DefaultRetryPolicy Instance { get; } = new();

    public RetryDecision Decide(CqlStatement statement, Exception error, bool requestWasSent, int retriesSoFar)
    {
        if (!requestWasSent)
        {
            return RetryDecision.NextHost;
        }

        switch (error)
        {
            case CqlOverloadedException or CqlIsBootstrappingException:
                return RetryDecision.NextHost;
            case CqlUnavailableException or CqlReadTimeoutException or CqlWriteTimeoutException
                or CqlClientTimeoutException or CqlConnectionException:
                return statement.IsIdempotent && retriesSoFar < MaxRetries ? RetryDecision.NextHost : RetryDecision.Rethrow;
            default:
                return RetryDecision.Rethrow;
        }
    }
}
