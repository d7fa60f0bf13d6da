using System.Net;

namespace OrderPipeline.Cql;

/// <summary>The server answered a request with an ERROR message; subclasses carry the code's fields.</summary>
public class CqlServerException : CqlException
{
    /// <summary>Creates the exception.</summary>
    public CqlServerException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public CqlServerException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public CqlServerException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an error code answered by a node.</summary>
    public CqlServerException(CqlErrorCode code, string message, EndPoint? host)
        : base(host is null ? message : $"{message} (node {host}, error {code})")
    {
        Code = code;
        Host = host;
        ServerMessage = message;
    }

    /// <summary>The protocol error code.</summary>
    public CqlErrorCode Code { get; }

    /// <summary>The node that answered (the coordinator).</summary>
    public EndPoint? Host { get; }

    /// <summary>The server's own message.</summary>
    public string ServerMessage { get; } = string.Empty;

    /// <summary>
    /// Whether the statement may have been applied despite the error. False means "certainly not applied"
    /// (e.g. <see cref="CqlUnavailableException"/>); true means "maybe applied" (e.g.
    /// <see cref="CqlWriteTimeoutException"/>): replaying is only safe for idempotent statements.
    /// </summary>
    public virtual bool MaybeApplied => false;
}
