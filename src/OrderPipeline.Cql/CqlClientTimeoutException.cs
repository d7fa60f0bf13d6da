using System.Net;

namespace OrderPipeline.Cql;

/// <summary>
/// The node did not answer within the request timeout. The request may have been applied (this is the client's
/// timeout, not the server's); only idempotent statements are safe to retry.
/// </summary>
public class CqlClientTimeoutException : CqlException
{
    /// <summary>Creates the exception.</summary>
    public CqlClientTimeoutException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public CqlClientTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public CqlClientTimeoutException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a node and a timeout.</summary>
    public CqlClientTimeoutException(EndPoint? host, TimeSpan timeout)
        : base($"No answer from {host} within {timeout.TotalMilliseconds:0} ms; the request may or may not have been applied. Check the node or raise the request timeout.")
    {
        Host = host;
        Timeout = timeout;
    }

    /// <summary>The node that did not answer.</summary>
    public EndPoint? Host { get; }

    /// <summary>The timeout that elapsed.</summary>
    public TimeSpan Timeout { get; }

    /// <inheritdoc/>
    public override bool IsTransient => true;
}
