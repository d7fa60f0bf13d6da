using OrderPipeline.Cql.Codecs;
using OrderPipeline.Cql.Protocol;
using OrderPipeline.Cql.Protocol.Requests;

namespace OrderPipeline.Cql;

/// <summary>A <see cref="PreparedStatement"/> with its values (EXECUTE).</summary>
public sealed class BoundStatement : CqlStatement
{
    private readonly object?[] _values;

    internal BoundStatement(PreparedStatement prepared, object?[] values)
    {
        Prepared = prepared;
        _values = values;
        IsIdempotent = prepared.IsIdempotent;
        Consistency = prepared.Consistency;
    }

    /// <summary>The statement the values are bound to.</summary>
    public PreparedStatement Prepared { get; }

    /// <summary>The bound values, by marker position.</summary>
    public IReadOnlyList<object?> Values => _values;

    internal override string? RoutingKeyspace => Prepared.Variables.Count > 0 ? Prepared.Variables[0].Keyspace : Prepared.Keyspace;

    internal override IRequest BuildRequest(in RequestContext context) => new ExecuteRequest(Prepared.Id, new QueryParameters
    {
        Consistency = context.Consistency,
        SerialConsistency = context.SerialConsistency == CqlConsistency.Serial ? null : context.SerialConsistency,
        Values = _values,
        ValueTypes = new VariableTypes(Prepared.Variables),
        PageSize = context.PageSize,
        PagingState = context.PagingState,
        Timestamp = context.Timestamp,
    });

    /// <summary>
    /// The partition key as Cassandra hashes it: the single component's bytes, or for a composite key each
    /// component as [short length][bytes][0].
    /// </summary>
    internal override byte[]? GetRoutingKey(byte protocolVersion)
    {
        var indexes = Prepared.PartitionKeyIndexes;
        if (indexes.Count == 0)
        {
            return null;
        }

        var buffer = FrameBuffer.Rent();
        try
        {
            for (var i = 0; i < indexes.Count; i++)
            {
                var index = indexes[i];
                var value = _values[index];
                if (value is null || ReferenceEquals(value, CqlValue.Unset))
                {
                    return null;
                }

                if (indexes.Count == 1)
                {
                    ValueCodec.WriteRaw(buffer, Prepared.Variables[index].Type, value, protocolVersion);
                    break;
                }

                var lengthAt = buffer.WrittenCount;
                buffer.WriteUInt16(0);
                ValueCodec.WriteRaw(buffer, Prepared.Variables[index].Type, value, protocolVersion);
                System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(buffer.WrittenSpanMutable[lengthAt..], checked((ushort)(buffer.WrittenCount - lengthAt - 2)));
                buffer.WriteByte(0);
            }

            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            buffer.Return();
        }
    }

    /// <summary>A view of the markers' types without copying them into a new list per execution.</summary>
    private sealed class VariableTypes(IReadOnlyList<CqlColumn> columns) : IReadOnlyList<CqlType>
    {
        public int Count => columns.Count;

        public CqlType this[int index] => columns[index].Type;

        public IEnumerator<CqlType> GetEnumerator()
        {
            foreach (var column in columns)
            {
                yield return column.Type;
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
