namespace OrderPipeline.Cql.Protocol.Requests;

/// <summary>A request message: its opcode and how its body is written for a protocol version.</summary>
internal interface IRequest
{
    Opcode Opcode { get; }

    /// <summary>Whether the request may be retried on another connection without risk (never changes data).</summary>
    bool IsReadOnlyControl => false;

    void WriteBody(FrameBuffer buffer, byte protocolVersion);
}
