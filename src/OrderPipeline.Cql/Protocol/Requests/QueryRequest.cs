namespace OrderPipeline.Cql.Protocol.Requests;

/// <summary>QUERY: [long string] query then the query parameters.</summary>
internal sealed class QueryRequest(string query, QueryParameters parameters) : IRequest
{
    public string Query { get; } = query;

    public QueryParameters Parameters { get; } = parameters;

    public Opcode Opcode => Opcode.Query;

    public void WriteBody(FrameBuffer buffer, byte protocolVersion)
    {
        buffer.WriteLongString(Query);
        Parameters.Write(buffer, protocolVersion);
    }
}
