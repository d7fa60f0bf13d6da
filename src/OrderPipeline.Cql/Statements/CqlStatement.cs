using OrderPipeline.Cql.Protocol.Requests;

namespace OrderPipeline.Cql;

/// <summary>Base of the statements a <see cref="CqlSession"/> runs, with per-statement settings.</summary>
/// <remarks>Statements are not thread-safe while being configured; once configured they can be executed concurrently.</remarks>
public abstract class CqlStatement
{
    /// <summary>Consistency level; null uses <see cref="CqlSessionOptions.Consistency"/>.</summary>
    public CqlConsistency? Consistency { get; set; }

    /// <summary>Serial consistency of conditional updates; null uses <see cref="CqlSessionOptions.SerialConsistency"/>.</summary>
    public CqlConsistency? SerialConsistency { get; set; }

    /// <summary>
    /// Whether running the statement twice has the same effect as once. Only idempotent statements are retried
    /// on another node after a timeout, or executed speculatively. Default: false.
    /// </summary>
    public bool IsIdempotent { get; set; }

    /// <summary>
    /// Explicit write timestamp in microseconds since the Unix epoch (for idempotent replays); null uses the
    /// session's client-side timestamp (or the server's when those are off).
    /// </summary>
    public long? Timestamp { get; set; }

    /// <summary>Rows per page; null uses <see cref="CqlSessionOptions.PageSize"/>.</summary>
    public int? PageSize { get; set; }

    /// <summary>Where to resume paging (from <see cref="RowSet.PagingState"/> of the previous page).</summary>
    public ReadOnlyMemory<byte>? PagingState { get; set; }

    /// <summary>Request timeout for this statement; null uses <see cref="CqlSessionOptions.RequestTimeout"/>.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>Sets the explicit write timestamp from a point in time.</summary>
    public CqlStatement WithTimestamp(DateTimeOffset timestamp)
    {
        Timestamp = (timestamp - DateTimeOffset.UnixEpoch).Ticks / 10;
        return this;
    }

    /// <summary>The keyspace the statement acts on, when known (for routing).</summary>
    internal virtual string? RoutingKeyspace => null;

    /// <summary>The serialized partition key, when known (for token-aware routing).</summary>
    internal virtual byte[]? GetRoutingKey(byte protocolVersion) => null;

    internal abstract IRequest BuildRequest(in RequestContext context);
}

/// <summary>What a statement needs from the session to become a request.</summary>
internal readonly record struct RequestContext(CqlConsistency Consistency, CqlConsistency SerialConsistency, int PageSize, long? Timestamp, byte[]? PagingState);

/// <summary>Fluent helpers for statements.</summary>
public static class CqlStatementExtensions
{
    /// <summary>Sets the consistency level and returns the statement.</summary>
    public static T WithConsistency<T>(this T statement, CqlConsistency consistency)
        where T : CqlStatement
    {
        ArgumentNullException.ThrowIfNull(statement);
        statement.Consistency = consistency;
        return statement;
    }

    /// <summary>Marks the statement idempotent (safe to retry and to execute speculatively).</summary>
    public static T AsIdempotent<T>(this T statement, bool idempotent = true)
        where T : CqlStatement
    {
        ArgumentNullException.ThrowIfNull(statement);
        statement.IsIdempotent = idempotent;
        return statement;
    }
}
