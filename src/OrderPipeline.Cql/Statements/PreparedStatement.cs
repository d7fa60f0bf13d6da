using OrderPipeline.Cql.Protocol.Responses;

namespace OrderPipeline.Cql;

/// <summary>
/// A statement prepared on the cluster (PREPARE): bind values to it with <see cref="Bind(object?[])"/>. The session
/// caches prepared statements by query text and re-prepares them transparently when a node forgot them.
/// </summary>
/// <remarks>Thread-safe; share one instance for the application's lifetime.</remarks>
public sealed class PreparedStatement
{
    private volatile PreparedResult _result;

    internal PreparedStatement(string query, string? keyspace, PreparedResult result)
    {
        Query = query;
        Keyspace = keyspace;
        _result = result;
    }

    /// <summary>The CQL text.</summary>
    public string Query { get; }

    /// <summary>The session keyspace it was prepared in (for unqualified table names).</summary>
    public string? Keyspace { get; }

    /// <summary>The bind markers, in order.</summary>
    public IReadOnlyList<CqlColumn> Variables => _result.Variables.Columns;

    /// <summary>The columns a SELECT returns (may be empty).</summary>
    public IReadOnlyList<CqlColumn> ResultColumns => _result.ResultColumns.Columns;

    /// <summary>Default idempotence of statements bound from this one. Default: false.</summary>
    public bool IsIdempotent { get; set; }

    /// <summary>Default consistency of statements bound from this one; null uses the session default.</summary>
    public CqlConsistency? Consistency { get; set; }

    internal byte[] Id => _result.Id;

    internal PreparedResult Result => _result;

    /// <summary>Partition key marker indexes (v4 metadata, or from the schema on v3); empty when unknown.</summary>
    internal IReadOnlyList<int> PartitionKeyIndexes { get; set; } = [];

    /// <summary>Binds positional values (one per marker; <see cref="CqlValue.Unset"/> leaves a column unchanged on v4).</summary>
    /// <exception cref="ArgumentException">The number of values differs from the number of markers.</exception>
    public BoundStatement Bind(params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != Variables.Count)
        {
            throw new ArgumentException($"The statement has {Variables.Count} bind marker(s) but {values.Length} value(s) were given: {Query}", nameof(values));
        }

        return new BoundStatement(this, values);
    }

    /// <summary>Replaces the metadata after a re-prepare (the id is normally the same).</summary>
    internal void Update(PreparedResult result) => _result = result;

    /// <inheritdoc/>
    public override string ToString() => Query;
}
