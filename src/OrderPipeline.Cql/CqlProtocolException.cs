using System.Net;

namespace OrderPipeline.Cql;

/// <summary>
/// A peer sent bytes that break the native protocol (malformed, truncated or oversized frame). The connection
/// that received them is closed and every request pending on it fails.
/// </summary>
public class CqlProtocolException : CqlConnectionException
{
    /// <summary>Creates the exception.</summary>
    public CqlProtocolException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public CqlProtocolException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public CqlProtocolException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a node.</summary>
    public CqlProtocolException(EndPoint? host, string message, Exception? innerException = null)
        : base(host, message, innerException)
    {
    }

    /// <inheritdoc/>
    public override bool IsTransient => false;
}
