namespace OrderPipeline.Dashboard.Data;

/// Cassandra could not be reached or did not answer in time; the caller shows a plain message and retries.
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException()
    {
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
