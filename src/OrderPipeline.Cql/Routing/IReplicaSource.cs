using System.Net;

namespace OrderPipeline.Cql.Routing;

/// <summary>
/// The seam between the session and the token map: "which nodes own this partition key". Implemented by the
/// token map (Murmur3 tokens + replication strategies); the session asks it per statement when a routing key is
/// known and falls back to DC-aware round robin when it answers null.
/// </summary>
internal interface IReplicaSource
{
    /// <summary>
    /// The replicas of <paramref name="routingKey"/> in <paramref name="keyspace"/>, primary first; null when the
    /// keyspace or partitioner is unknown.
    /// </summary>
    IReadOnlyList<IPEndPoint>? GetReplicas(string keyspace, ReadOnlySpan<byte> routingKey);
}

/// <summary>Builds a replica source from a topology snapshot (called again after every topology or schema change).</summary>
internal delegate IReplicaSource? ReplicaSourceFactory(ClusterTopology topology);
