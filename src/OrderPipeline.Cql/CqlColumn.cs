namespace OrderPipeline.Cql;

/// <summary>A column of a result, or a bind marker of a prepared statement.</summary>
/// <param name="Keyspace">The keyspace of the table the column belongs to.</param>
/// <param name="Table">The table.</param>
/// <param name="Name">The column (or alias, or bind marker) name.</param>
/// <param name="Type">The CQL type.</param>
/// <param name="Index">Position in the result row or bind values.</param>
public sealed record CqlColumn(string Keyspace, string Table, string Name, CqlType Type, int Index);
