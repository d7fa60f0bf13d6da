namespace OrderPipeline.Cql.Protocol.Requests;

/// <summary>EXECUTE: the prepared id as [short bytes] then the query parameters.</summary>
internal sealed class ExecuteRequest(byte[] id, QueryParameters parameters) : IRequest
{
    public byte[] Id { get; } = id;

    public QueryParameters Parameters { get; } = parameters;

    public Opcode Opcode => Opcode.Execute;

    public void WriteBody(FrameBuffer buffer, byte protocolVersion)
    {
        buffer.WriteShortBytes(Id);
        Parameters.Write(buffer, protocolVersion);
    }
}
