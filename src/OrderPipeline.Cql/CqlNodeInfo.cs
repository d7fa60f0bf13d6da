using System.Net;

namespace OrderPipeline.Cql;

/// <summary>A snapshot of what the session knows about one node.</summary>
/// <param name="EndPoint">The node's native-protocol endpoint.</param>
/// <param name="Datacenter">Its datacenter, when known.</param>
/// <param name="Rack">Its rack, when known.</param>
/// <param name="ReleaseVersion">Its Cassandra version, when known.</param>
/// <param name="IsUp">Whether the session currently considers it up.</param>
/// <param name="OpenConnections">Connections open to it.</param>
public sealed record CqlNodeInfo(IPEndPoint EndPoint, string? Datacenter, string? Rack, string? ReleaseVersion, bool IsUp, int OpenConnections)
{
    /// <summary>Requests this session has sent to the node so far (each attempt, retries included).</summary>
    public long RequestsSent { get; init; }
}
