namespace OrderPipeline.Cql.Protocol.Requests;

/// <summary>OPTIONS: empty body; also used as the heartbeat.</summary>
internal sealed class OptionsRequest : IRequest
{
    public static OptionsRequest Instance { get; } = new();

    public Opcode Opcode => Opcode.Options;

    public void WriteBody(FrameBuffer buffer, byte protocolVersion)
    {
    }
}
