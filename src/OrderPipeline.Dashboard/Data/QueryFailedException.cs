namespace OrderPipeline.Dashboard.Data;

/// The server refused a query (syntax error, unknown table or column); the message is safe to show to a user.
public sealed class QueryFailedException : Exception
{
    public QueryFailedException()
    {
    }

    public QueryFailedException(string message)
        : base(message)
    {
    }

    public QueryFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
