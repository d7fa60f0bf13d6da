namespace OrderPipeline.Cql.Protocol.Requests;

/// <summary>REGISTER: the event types to receive on this connection.</summary>
internal sealed class RegisterRequest(IReadOnlyList<string> eventTypes) : IRequest
{
    public static RegisterRequest All { get; } = new(["TOPOLOGY_CHANGE", "STATUS_CHANGE", "SCHEMA_CHANGE"]);

    public IReadOnlyList<string> EventTypes { get; } = eventTypes;

    public Opcode Opcode => Opcode.Register;

    public void WriteBody(FrameBuffer buffer, byte protocolVersion) => buffer.WriteStringList(EventTypes);
}
