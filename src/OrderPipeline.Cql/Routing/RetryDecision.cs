namespace OrderPipeline.Cql.Routing;

/// <summary>What to do after an attempt failed.</summary>
internal enum RetryDecision
{
    /// <summary>Give the error to the caller.</summary>
    Rethrow,

    /// <summary>Try the next node of the query plan.</summary>
    NextHost,
}

/// <summary>Decides whether a failed attempt is retried.</summary>
internal interface IRetryPolicy
{
    RetryDecision Decide(CqlStatement statement, Exception error, bool requestWasSent, int retriesSoFar);
}
