using System.Net;

namespace OrderPipeline.Cql;

/// <summary>A connection to a node could not be opened or broke while a request was in flight.</summary>
/// <remarks>A request that failed this way may or may not have reached the server.</remarks>
public class CqlConnectionException : CqlException
{
    /// <summary>Creates the exception.</summary>
    public CqlConnectionException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public CqlConnectionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public CqlConnectionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a node.</summary>
    public CqlConnectionException(EndPoint? host, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Host = host;
    }

    /// <summary>The node the connection went to, when known.</summary>
    public EndPoint? Host { get; }

    /// <inheritdoc/>
    public override bool IsTransient => true;

    /// <summary>True when the request was certainly not written to the socket (safe to send elsewhere).</summary>
    internal bool RequestNotSent { get; init; }
}
