using System.Net;

namespace OrderPipeline.Cql;

/// <summary>
/// Replicas did not acknowledge a write before the server's timeout. The write MAY have been applied on some
/// replicas (and will usually propagate): replay only idempotent statements.
/// </summary>
public sealed class CqlWriteTimeoutException(string message, EndPoint? host, CqlConsistency consistency, int received, int blockFor, string writeType)
    : CqlServerException(CqlErrorCode.WriteTimeout, message, host)
{
    /// <summary>The consistency level requested.</summary>
    public CqlConsistency Consistency { get; } = consistency;

    /// <summary>Replicas that acknowledged.</summary>
    public int Received { get; } = received;

    /// <summary>Acknowledgements required.</summary>
    public int BlockFor { get; } = blockFor;

    /// <summary>SIMPLE, BATCH, UNLOGGED_BATCH, COUNTER, BATCH_LOG (or CAS in later versions).</summary>
    public string WriteType { get; } = writeType;

    /// <inheritdoc/>
    public override bool MaybeApplied => true;

    /// <inheritdoc/>
    public override bool IsTransient => true;
}

/// <summary>Replicas did not answer a read before the server's timeout.</summary>
public sealed class CqlReadTimeoutException(string message, EndPoint? host, CqlConsistency consistency, int received, int blockFor, bool dataPresent)
    : CqlServerException(CqlErrorCode.ReadTimeout, message, host)
{
    /// <summary>The consistency level requested.</summary>
    public CqlConsistency Consistency { get; } = consistency;

    /// <summary>Replicas that answered.</summary>
    public int Received { get; } = received;

    /// <summary>Answers required.</summary>
    public int BlockFor { get; } = blockFor;

    /// <summary>Whether the replica asked for data answered.</summary>
    public bool DataPresent { get; } = dataPresent;

    /// <inheritdoc/>
    public override bool IsTransient => true;
}

/// <summary>A read failed on some replicas (protocol v4).</summary>
public sealed class CqlReadFailureException(string message, EndPoint? host, CqlConsistency consistency, int received, int blockFor, int failures, bool dataPresent)
    : CqlServerException(CqlErrorCode.ReadFailure, message, host)
{
    /// <summary>The consistency level requested.</summary>
    public CqlConsistency Consistency { get; } = consistency;

    /// <summary>Replicas that answered.</summary>
    public int Received { get; } = received;

    /// <summary>Answers required.</summary>
    public int BlockFor { get; } = blockFor;

    /// <summary>Replicas that failed.</summary>
    public int Failures { get; } = failures;

    /// <summary>Whether the replica asked for data answered.</summary>
    public bool DataPresent { get; } = dataPresent;
}

/// <summary>A write failed on some replicas (protocol v4); it may have been applied on others.</summary>
public sealed class CqlWriteFailureException(string message, EndPoint? host, CqlConsistency consistency, int received, int blockFor, int failures, string writeType)
    : CqlServerException(CqlErrorCode.WriteFailure, message, host)
{
    /// <summary>The consistency level requested.</summary>
    public CqlConsistency Consistency { get; } = consistency;

    /// <summary>Replicas that acknowledged.</summary>
    public int Received { get; } = received;

    /// <summary>Acknowledgements required.</summary>
    public int BlockFor { get; } = blockFor;

    /// <summary>Replicas that failed.</summary>
    public int Failures { get; } = failures;

    /// <summary>The kind of write.</summary>
    public string WriteType { get; } = writeType;

    /// <inheritdoc/>
    public override bool MaybeApplied => true;
}

/// <summary>A user-defined function failed (protocol v4).</summary>
public sealed class CqlFunctionFailureException(string message, EndPoint? host, string keyspace, string function, IReadOnlyList<string> argumentTypes)
    : CqlServerException(CqlErrorCode.FunctionFailure, message, host)
{
    /// <summary>The function's keyspace.</summary>
    public string Keyspace { get; } = keyspace;

    /// <summary>The function's name.</summary>
    public string Function { get; } = function;

    /// <summary>The CQL types of its arguments.</summary>
    public IReadOnlyList<string> ArgumentTypes { get; } = argumentTypes;
}
