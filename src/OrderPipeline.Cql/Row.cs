using OrderPipeline.Cql.Codecs;

namespace OrderPipeline.Cql;

/// <summary>One row of a <see cref="RowSet"/>; values are decoded on access.</summary>
/// <remarks>Immutable; safe to read from several threads.</remarks>
public sealed class Row
{
    private readonly RowSet _rows;
    private readonly int _index;

    internal Row(RowSet rows, int index)
    {
        _rows = rows;
        _index = index;
    }

    /// <summary>The columns of the row.</summary>
    public IReadOnlyList<CqlColumn> Columns => _rows.Columns;

    /// <summary>Reads a column by name (case-insensitive) as <typeparamref name="T"/>.</summary>
    /// <remarks>
    /// A null value reads as <c>null</c> for reference and nullable types; reading a null into a non-nullable
    /// value type throws, so read <c>Get&lt;int?&gt;</c> when the column may be null.
    /// </remarks>
    /// <exception cref="ArgumentException">No such column.</exception>
    /// <exception cref="InvalidCastException">The column's CQL type does not read as <typeparamref name="T"/>, or null into a non-nullable type.</exception>
    public T Get<T>(string name) => Get<T>(_rows.ColumnIndex(name));

    /// <summary>Reads a column by position as <typeparamref name="T"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such column.</exception>
    /// <exception cref="InvalidCastException">The column's CQL type does not read as <typeparamref name="T"/>, or null into a non-nullable type.</exception>
    public T Get<T>(int index)
    {
        var column = _rows.Columns[index];
        if (!_rows.TryGetCell(_index, index, out var bytes))
        {
            if (default(T) is null)
            {
                return default!;
            }

            throw new InvalidCastException($"Column '{column.Name}' is null; read it as {typeof(T).Name}? or check IsNull first.");
        }

        return ValueCodec.ReadAs<T>(column.Type, bytes, _rows.ProtocolVersion, column.Name);
    }

    /// <summary>The value in its natural .NET type (see <see cref="CqlType.ClrType"/>), or null.</summary>
    public object? GetValue(int index)
    {
        var column = _rows.Columns[index];
        return _rows.TryGetCell(_index, index, out var bytes) ? ValueCodec.Read(column.Type, bytes, _rows.ProtocolVersion) : null;
    }

    /// <summary>The value in its natural .NET type, or null.</summary>
    public object? GetValue(string name) => GetValue(_rows.ColumnIndex(name));

    /// <summary>Whether the column is null.</summary>
    public bool IsNull(string name) => !_rows.TryGetCell(_index, _rows.ColumnIndex(name), out _);

    /// <summary>Whether the column is null.</summary>
    public bool IsNull(int index) => !_rows.TryGetCell(_index, index, out _);
}
