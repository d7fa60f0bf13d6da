namespace OrderPipeline.Dashboard.Web;

/// Body of POST /api/query.
public sealed record QueryRequest(string? Statement, int? Limit);
