using OrderPipeline.Cql.Codecs;

namespace OrderPipeline.Cql.Protocol.Requests;

/// <summary>
/// The &lt;query_parameters&gt; shared by QUERY and EXECUTE: consistency, flags, values, page size, paging state,
/// serial consistency and default timestamp.
/// </summary>
internal sealed class QueryParameters
{
    [Flags]
    private enum QueryFlags : byte
    {
        None = 0,
        Values = 0x01,
        SkipMetadata = 0x02,
        PageSize = 0x04,
        PagingState = 0x08,
        SerialConsistency = 0x10,
        DefaultTimestamp = 0x20,
    }

    public CqlConsistency Consistency { get; init; } = CqlConsistency.One;

    public IReadOnlyList<object?>? Values { get; init; }

    /// <summary>Types of <see cref="Values"/> from prepared metadata; null to infer each value's type.</summary>
    public IReadOnlyList<CqlType>? ValueTypes { get; init; }

    public int PageSize { get; init; }

    public byte[]? PagingState { get; init; }

    public CqlConsistency? SerialConsistency { get; init; }

    /// <summary>Default write timestamp in microseconds since the epoch; null lets the server pick.</summary>
    public long? Timestamp { get; init; }

    public void Write(FrameBuffer buffer, byte protocolVersion)
    {
        var flags = QueryFlags.None;
        var count = Values?.Count ?? 0;
        if (count > 0)
        {
            flags |= QueryFlags.Values;
        }

        if (PageSize > 0)
        {
            flags |= QueryFlags.PageSize;
        }

        if (PagingState is not null)
        {
            flags |= QueryFlags.PagingState;
        }

        if (SerialConsistency is not null)
        {
            flags |= QueryFlags.SerialConsistency;
        }

        if (Timestamp is not null)
        {
            flags |= QueryFlags.DefaultTimestamp;
        }

        buffer.WriteInt16((short)Consistency);
        buffer.WriteByte((byte)flags);
        if (count > 0)
        {
            WriteValues(buffer, Values!, ValueTypes, protocolVersion);
        }

        if (PageSize > 0)
        {
            buffer.WriteInt32(PageSize);
        }

        if (PagingState is not null)
        {
            buffer.WriteBytes(PagingState);
        }

        if (SerialConsistency is { } serial)
        {
            buffer.WriteInt16((short)serial);
        }

        if (Timestamp is { } timestamp)
        {
            buffer.WriteInt64(timestamp);
        }
    }

    /// <summary>[short] count then one [value] each (also used by BATCH entries).</summary>
    public static void WriteValues(FrameBuffer buffer, IReadOnlyList<object?> values, IReadOnlyList<CqlType>? types, byte protocolVersion)
    {
        if (types is not null && types.Count != values.Count)
        {
            throw new ArgumentException($"The statement has {types.Count} bind marker(s) but {values.Count} value(s) were bound.");
        }

        buffer.WriteUInt16(checked((ushort)values.Count));
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            var type = types?[i] ?? (value is null || ReferenceEquals(value, CqlValue.Unset) ? CqlType.Blob : TypeInference.Infer(value));
            ValueCodec.WriteValue(buffer, type, value, protocolVersion);
        }
    }
}
