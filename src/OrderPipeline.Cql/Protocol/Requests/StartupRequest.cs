namespace OrderPipeline.Cql.Protocol.Requests;

/// <summary>STARTUP: a [string map] with CQL_VERSION and optionally COMPRESSION.</summary>
internal sealed class StartupRequest(IReadOnlyDictionary<string, string> options) : IRequest
{
    public const string CqlVersionKey = "CQL_VERSION";
    public const string CompressionKey = "COMPRESSION";

    public IReadOnlyDictionary<string, string> Options { get; } = options;

    public Opcode Opcode => Opcode.Startup;

    public void WriteBody(FrameBuffer buffer, byte protocolVersion) => buffer.WriteStringMap(Options);
}
