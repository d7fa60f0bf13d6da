namespace OrderPipeline.Cql.Protocol.Requests;

/// <summary>PREPARE: the query as a [long string].</summary>
internal sealed class PrepareRequest(string query) : IRequest
{
    public string Query { get; } = query;

    public Opcode Opcode => Opcode.Prepare;

    public void WriteBody(FrameBuffer buffer, byte protocolVersion) => buffer.WriteLongString(Query);
}
