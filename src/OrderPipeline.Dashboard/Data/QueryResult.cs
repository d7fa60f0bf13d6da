namespace OrderPipeline.Dashboard.Data;

/// The first page of a read-only query, rendered as strings for display.
/// <param name="Truncated">True when the server had more rows than the row limit.</param>
public sealed record QueryResult(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows, bool Truncated);
