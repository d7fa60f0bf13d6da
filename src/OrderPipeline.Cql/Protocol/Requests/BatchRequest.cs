namespace OrderPipeline.Cql.Protocol.Requests;

/// <summary>One statement of a BATCH: a query string or a prepared id, with its values.</summary>
internal readonly record struct BatchEntry(string? Query, byte[]? PreparedId, IReadOnlyList<object?> Values, IReadOnlyList<CqlType>? ValueTypes);

/// <summary>BATCH: type, entries, consistency, flags, optional serial consistency and timestamp.</summary>
internal sealed class BatchRequest(CqlBatchType type, IReadOnlyList<BatchEntry> entries, CqlConsistency consistency, CqlConsistency? serialConsistency, long? timestamp) : IRequest
{
    public CqlBatchType Type { get; } = type;

    public IReadOnlyList<BatchEntry> Entries { get; } = entries;

    public Opcode Opcode => Opcode.Batch;

    public void WriteBody(FrameBuffer buffer, byte protocolVersion)
    {
        buffer.WriteByte((byte)Type);
        buffer.WriteUInt16(checked((ushort)Entries.Count));
        for (var i = 0; i < Entries.Count; i++)
        {
            var entry = Entries[i];
            if (entry.PreparedId is { } id)
            {
                buffer.WriteByte(1);
                buffer.WriteShortBytes(id);
            }
            else
            {
                buffer.WriteByte(0);
                buffer.WriteLongString(entry.Query!);
            }

            QueryParameters.WriteValues(buffer, entry.Values, entry.ValueTypes, protocolVersion);
        }

        buffer.WriteInt16((short)consistency);
        byte flags = 0;
        flags |= serialConsistency is null ? (byte)0 : (byte)0x10;
        flags |= timestamp is null ? (byte)0 : (byte)0x20;
        buffer.WriteByte(flags);
        if (serialConsistency is { } serial)
        {
            buffer.WriteInt16((short)serial);
        }

        if (timestamp is { } micros)
        {
            buffer.WriteInt64(micros);
        }
    }
}
