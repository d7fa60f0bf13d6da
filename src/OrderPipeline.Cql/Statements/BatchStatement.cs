using OrderPipeline.Cql.Protocol.Requests;

namespace OrderPipeline.Cql;

/// <summary>Several simple or bound statements sent as one BATCH (logged by default).</summary>
public sealed class BatchStatement : CqlStatement
{
    private readonly List<CqlStatement> _statements = [];

    /// <summary>Creates an empty batch.</summary>
    public BatchStatement(CqlBatchType type = CqlBatchType.Logged) => Type = type;

    /// <summary>Logged, unlogged or counter.</summary>
    public CqlBatchType Type { get; }

    /// <summary>The statements in order.</summary>
    public IReadOnlyList<CqlStatement> Statements => _statements;

    /// <summary>Adds a simple or bound statement.</summary>
    /// <exception cref="ArgumentException">The statement is a batch.</exception>
    public BatchStatement Add(CqlStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        if (statement is not (SimpleStatement or BoundStatement))
        {
            throw new ArgumentException("Only simple and bound statements can go into a batch.", nameof(statement));
        }

        _statements.Add(statement);
        return this;
    }

    internal override string? RoutingKeyspace => _statements.Count > 0 ? _statements[0].RoutingKeyspace : null;

    internal override byte[]? GetRoutingKey(byte protocolVersion) => _statements.Count > 0 ? _statements[0].GetRoutingKey(protocolVersion) : null;

    internal override IRequest BuildRequest(in RequestContext context)
    {
        if (_statements.Count == 0)
        {
            throw new InvalidOperationException("A batch needs at least one statement.");
        }

        var entries = new BatchEntry[_statements.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = _statements[i] switch
            {
                BoundStatement bound => new BatchEntry(null, bound.Prepared.Id, bound.Values, bound.Prepared.Variables.Select(static v => v.Type).ToArray()),
                SimpleStatement simple => new BatchEntry(simple.Query, null, simple.Values, null),
                _ => throw new InvalidOperationException("Unexpected statement kind in batch."),
            };
        }

        var serial = context.SerialConsistency == CqlConsistency.Serial ? (CqlConsistency?)null : context.SerialConsistency;
        return new BatchRequest(Type, entries, context.Consistency, serial, context.Timestamp);
    }
}
