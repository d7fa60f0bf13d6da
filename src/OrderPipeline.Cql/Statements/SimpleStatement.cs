using OrderPipeline.Cql.Protocol.Requests;

namespace OrderPipeline.Cql;

/// <summary>
/// A CQL string with positional values sent as-is (QUERY). Value types are inferred from the .NET values; prefer
/// <see cref="PreparedStatement"/> for statements run more than once.
/// </summary>
public sealed class SimpleStatement : CqlStatement
{
    /// <summary>Creates a statement with optional positional values for its <c>?</c> markers.</summary>
    public SimpleStatement(string query, params object?[] values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        Query = query;
        Values = values ?? [];
    }

    /// <summary>The CQL text.</summary>
    public string Query { get; }

    /// <summary>The positional values.</summary>
    public IReadOnlyList<object?> Values { get; }

    internal override IRequest BuildRequest(in RequestContext context) => new QueryRequest(Query, new QueryParameters
    {
        Consistency = context.Consistency,
        SerialConsistency = context.SerialConsistency == CqlConsistency.Serial ? null : context.SerialConsistency,
        Values = Values,
        PageSize = context.PageSize,
        PagingState = context.PagingState,
        Timestamp = context.Timestamp,
    });

    /// <inheritdoc/>
    public override string ToString() => Query;
}
