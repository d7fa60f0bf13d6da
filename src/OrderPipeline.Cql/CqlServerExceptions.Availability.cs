using System.Net;

namespace OrderPipeline.Cql;

/// <summary>
/// Not enough replicas were alive for the consistency level: the coordinator did not attempt the write, so it
/// was certainly NOT applied.
/// </summary>
public sealed class CqlUnavailableException(string message, EndPoint? host, CqlConsistency consistency, int required, int alive)
    : CqlServerException(CqlErrorCode.Unavailable, message, host)
{
    /// <summary>The consistency level requested.</summary>
    public CqlConsistency Consistency { get; } = consistency;

    /// <summary>Replicas that had to be alive.</summary>
    public int Required { get; } = required;

    /// <summary>Replicas known alive.</summary>
    public int Alive { get; } = alive;

    /// <inheritdoc/>
    public override bool IsTransient => true;
}

/// <summary>The coordinator is overloaded and refused the request (not applied).</summary>
public sealed class CqlOverloadedException(string message, EndPoint? host)
    : CqlServerException(CqlErrorCode.Overloaded, message, host)
{
    /// <inheritdoc/>
    public override bool IsTransient => true;
}

/// <summary>The coordinator is bootstrapping and refused the request (not applied).</summary>
public sealed class CqlIsBootstrappingException(string message, EndPoint? host)
    : CqlServerException(CqlErrorCode.IsBootstrapping, message, host)
{
    /// <inheritdoc/>
    public override bool IsTransient => true;
}

/// <summary>A TRUNCATE failed.</summary>
public sealed class CqlTruncateException(string message, EndPoint? host)
    : CqlServerException(CqlErrorCode.TruncateError, message, host)
{
    /// <inheritdoc/>
    public override bool MaybeApplied => true;
}

/// <summary>An unexpected server-side failure; the request may have been partly applied.</summary>
public sealed class CqlServerErrorException(string message, EndPoint? host)
    : CqlServerException(CqlErrorCode.ServerError, message, host)
{
    /// <inheritdoc/>
    public override bool MaybeApplied => true;
}

/// <summary>The server reported a protocol violation by this client (a client bug or an unsupported version).</summary>
public sealed class CqlServerProtocolErrorException(string message, EndPoint? host)
    : CqlServerException(CqlErrorCode.ProtocolError, message, host);

/// <summary>The server rejected the credentials.</summary>
public sealed class CqlAuthenticationException(string message, EndPoint? host)
    : CqlServerException(CqlErrorCode.BadCredentials, message, host);
