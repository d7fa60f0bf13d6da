using System.Net;

namespace OrderPipeline.Cql.Connections;

/// <summary>The server answered in another protocol version than the one requested.</summary>
internal sealed class ProtocolVersionMismatchException(EndPoint host, byte requested, byte answered)
    : CqlProtocolException(host, $"{host} answered with protocol version {answered} to a request in version {requested}.")
{
    public byte Requested { get; } = requested;

    public byte Answered { get; } = answered;
}
