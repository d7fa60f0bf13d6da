using System.Net;

namespace OrderPipeline.Cql;

/// <summary>The statement has a CQL syntax error; fix the statement.</summary>
public sealed class CqlSyntaxException(string message, EndPoint? host)
    : CqlServerException(CqlErrorCode.SyntaxError, message, host);

/// <summary>The user lacks a permission for the statement.</summary>
public sealed class CqlUnauthorizedException(string message, EndPoint? host)
    : CqlServerException(CqlErrorCode.Unauthorized, message, host);

/// <summary>The statement is syntactically right but invalid (unknown table, wrong types...).</summary>
public sealed class CqlInvalidQueryException(string message, EndPoint? host)
    : CqlServerException(CqlErrorCode.Invalid, message, host);

/// <summary>The statement conflicts with the server's configuration.</summary>
public sealed class CqlConfigurationException(string message, EndPoint? host)
    : CqlServerException(CqlErrorCode.ConfigError, message, host);

/// <summary>A keyspace or table to create already exists.</summary>
public sealed class CqlAlreadyExistsException(string message, EndPoint? host, string keyspace, string table)
    : CqlServerException(CqlErrorCode.AlreadyExists, message, host)
{
    /// <summary>The keyspace (that exists, or holds the table that exists).</summary>
    public string Keyspace { get; } = keyspace;

    /// <summary>The table that exists; empty when the keyspace itself exists.</summary>
    public string Table { get; } = table;
}

/// <summary>
/// The node does not know a prepared statement id (e.g. after a restart). The session re-prepares and retries
/// transparently; callers only see this when re-preparing failed too.
/// </summary>
public sealed class CqlUnpreparedException(string message, EndPoint? host, ReadOnlyMemory<byte> id)
    : CqlServerException(CqlErrorCode.Unprepared, message, host)
{
    /// <summary>The unknown statement id.</summary>
    public ReadOnlyMemory<byte> Id { get; } = id;
}
