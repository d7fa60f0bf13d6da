using System.Net;

namespace OrderPipeline.Cql.Routing;

/// <summary>
/// The session's <see cref="IReplicaSource"/> backed by a <see cref="TokenMap{THost}"/> over node endpoints.
/// Pass <see cref="Create"/> as the session's <see cref="ReplicaSourceFactory"/>.
/// </summary>
internal sealed class TokenMapReplicaSource : IReplicaSource
{
    private TokenMapReplicaSource(TokenMap<IPEndPoint> map) => Map = map;

    /// <summary>The underlying map (for diagnostics and tests).</summary>
    public TokenMap<IPEndPoint> Map { get; }

    /// <summary>
    /// Builds the source from a topology snapshot; null (no token-aware routing) when the partitioner is not
    /// Murmur3 or a node reports a token that is not a Murmur3 token.
    /// </summary>
    public static IReplicaSource? Create(ClusterTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        if (!Murmur3Token.IsMurmur3(topology.Partitioner))
        {
            return null;
        }

        var placement = new Dictionary<IPEndPoint, TopologyNode>();
        foreach (var node in topology.Nodes)
        {
            placement[node.Address] = node;
        }

        var keyspaces = topology.Keyspaces.Select(k => new KeyValuePair<string, ReplicationStrategy>(
            k.Name, ReplicationParser.FromClassAndOptions(k.StrategyClass, k.Options)));
        try
        {
            var map = TokenMap.Build(
                placement.Values.Select(n => (n.Address, n.Tokens)),
                endpoint => placement[endpoint].Datacenter,
                endpoint => placement[endpoint].Rack,
                keyspaces);
            return new TokenMapReplicaSource(map);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<IPEndPoint>? GetReplicas(string keyspace, ReadOnlySpan<byte> routingKey) =>
        Map.CanRoute(keyspace) ? Map.GetReplicas(keyspace, routingKey) : null;
}
