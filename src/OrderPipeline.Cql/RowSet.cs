using System.Collections;
using OrderPipeline.Cql.Protocol;
using OrderPipeline.Cql.Protocol.Responses;

namespace OrderPipeline.Cql;

/// <summary>
/// One page of a result: its rows, column metadata and the paging state to fetch the next page. Statements that
/// return no rows (INSERT, DDL...) give an empty row set.
/// </summary>
/// <remarks>Immutable once received; safe to read from several threads.</remarks>
public sealed class RowSet : IReadOnlyList<Row>
{
    private readonly byte[] _body;
    private readonly int[] _cells;
    private readonly ResultMetadata _metadata;

    internal RowSet(ResultMetadata metadata, byte[] body, int[] cells, int rowCount, byte protocolVersion)
    {
        _metadata = metadata;
        _body = body;
        _cells = cells;
        Count = rowCount;
        ProtocolVersion = protocolVersion;
    }

    /// <summary>A row set without rows.</summary>
    public static RowSet Empty { get; } = new(ResultMetadata.Empty, [], [], 0, 4);

    /// <summary>The columns of each row.</summary>
    public IReadOnlyList<CqlColumn> Columns => _metadata.Columns;

    /// <summary>The number of rows in this page.</summary>
    public int Count { get; }

    /// <summary>The opaque state to fetch the next page, or null when this is the last page.</summary>
    public ReadOnlyMemory<byte>? PagingState => _metadata.PagingState is { } state ? state : null;

    /// <summary>Whether more pages follow this one.</summary>
    public bool HasMorePages => _metadata.PagingState is not null;

    /// <summary>Warnings the server attached to the response (protocol v4).</summary>
    public IReadOnlyList<string> Warnings { get; internal set; } = [];

    /// <summary>The node that coordinated the request.</summary>
    public System.Net.EndPoint? Coordinator { get; internal set; }

    internal byte ProtocolVersion { get; }

    internal ResultMetadata Metadata => _metadata;

    /// <summary>The row at <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the page.</exception>
    public Row this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return new Row(this, index);
        }
    }

    /// <inheritdoc/>
    public IEnumerator<Row> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return new Row(this, i);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal int ColumnIndex(string name)
    {
        var index = _metadata.IndexOf(name);
        return index >= 0 ? index : throw new ArgumentException($"The result has no column '{name}'. Columns: {string.Join(", ", Columns.Select(static c => c.Name))}.", nameof(name));
    }

    internal bool TryGetCell(int row, int column, out ReadOnlySpan<byte> value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, Columns.Count);
        var cell = ((row * Columns.Count) + column) * 2;
        var length = _cells[cell + 1];
        if (length < 0)
        {
            value = default;
            return false;
        }

        value = _body.AsSpan(_cells[cell], length);
        return true;
    }

    /// <summary>Indexes the rows content: (offset, length) per cell into the frame body, -1 length for null.</summary>
    internal static RowSet Read(ref PrimitiveReader reader, byte[] body, int bodyStart, byte protocolVersion)
    {
        var metadata = ResultMetadata.Read(ref reader, prepared: false, protocolVersion);
        var rowCount = reader.ReadInt32();
        var columnCount = metadata.ColumnCount;
        if (rowCount < 0 || (columnCount > 0 && rowCount > reader.Remaining / (4 * columnCount)))
        {
            throw new CqlProtocolException($"A rows result announces {rowCount} rows but only {reader.Remaining} bytes follow.");
        }

        var cells = new int[rowCount * columnCount * 2];
        for (var i = 0; i < rowCount * columnCount; i++)
        {
            var (offset, length) = reader.ReadBytesRange();
            cells[2 * i] = offset + bodyStart;
            cells[(2 * i) + 1] = length;
        }

        return new RowSet(metadata, body, cells, rowCount, protocolVersion);
    }
}
