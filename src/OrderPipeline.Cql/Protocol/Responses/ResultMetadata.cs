namespace OrderPipeline.Cql.Protocol.Responses;

/// <summary>Rows metadata, and the bind-marker metadata of a prepared result (v4 adds partition key indexes).</summary>
internal sealed class ResultMetadata
{
    private const int GlobalTablesSpec = 0x0001;
    private const int HasMorePagesFlag = 0x0002;
    private const int NoMetadataFlag = 0x0004;

    private Dictionary<string, int>? _byName;

    public ResultMetadata(IReadOnlyList<CqlColumn> columns, byte[]? pagingState, IReadOnlyList<int>? partitionKeyIndexes = null)
    {
        Columns = columns;
        PagingState = pagingState;
        PartitionKeyIndexes = partitionKeyIndexes ?? [];
    }

    public static ResultMetadata Empty { get; } = new([], null);

    public IReadOnlyList<CqlColumn> Columns { get; }

    public int ColumnCount { get; private init; }

    public byte[]? PagingState { get; }

    /// <summary>Bind-marker indexes of the partition key columns, in key order (v4 prepared metadata only).</summary>
    public IReadOnlyList<int> PartitionKeyIndexes { get; }

    public int IndexOf(string name)
    {
        _byName ??= BuildIndex();
        return _byName.TryGetValue(name, out var index) ? index : -1;
    }

    /// <summary>Rows metadata (<paramref name="prepared"/> false) or prepared bind-marker metadata.</summary>
    public static ResultMetadata Read(ref PrimitiveReader reader, bool prepared, byte protocolVersion)
    {
        var flags = reader.ReadInt32();
        var count = reader.ReadInt32();
        if (count < 0 || count > reader.Remaining)
        {
            throw new CqlProtocolException($"Result metadata announces {count} columns but only {reader.Remaining} bytes follow.");
        }

        int[]? keyIndexes = null;
        if (prepared && protocolVersion >= 4)
        {
            var keyCount = reader.ReadInt32();
            if (keyCount < 0 || keyCount > count)
            {
                throw new CqlProtocolException($"Prepared metadata announces {keyCount} partition key indexes for {count} markers.");
            }

            keyIndexes = new int[keyCount];
            for (var i = 0; i < keyCount; i++)
            {
                keyIndexes[i] = reader.ReadUInt16();
            }
        }

        byte[]? pagingState = null;
        if (!prepared && (flags & HasMorePagesFlag) != 0)
        {
            pagingState = reader.ReadBytesCopy();
        }

        if ((flags & NoMetadataFlag) != 0)
        {
            return new ResultMetadata([], pagingState, keyIndexes) { ColumnCount = count };
        }

        string? keyspace = null;
        string? table = null;
        if ((flags & GlobalTablesSpec) != 0)
        {
            keyspace = reader.ReadString();
            table = reader.ReadString();
        }

        var columns = new CqlColumn[count];
        for (var i = 0; i < count; i++)
        {
            var columnKeyspace = keyspace ?? reader.ReadString();
            var columnTable = table ?? reader.ReadString();
            var name = reader.ReadString();
            columns[i] = new CqlColumn(columnKeyspace, columnTable, name, TypeOption.Read(ref reader), i);
        }

        return new ResultMetadata(columns, pagingState, keyIndexes) { ColumnCount = count };
    }

    private Dictionary<string, int> BuildIndex()
    {
        var index = new Dictionary<string, int>(Columns.Count, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Columns.Count; i++)
        {
            index.TryAdd(Columns[i].Name, i);
        }

        return index;
    }
}
