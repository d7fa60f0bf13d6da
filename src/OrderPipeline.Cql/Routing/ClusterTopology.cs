using System.Net;

namespace OrderPipeline.Cql.Routing;

/// <summary>A node as system.local / system.peers describe it.</summary>
/// <param name="Address">The native-protocol endpoint clients use.</param>
/// <param name="Datacenter">data_center.</param>
/// <param name="Rack">rack.</param>
/// <param name="Tokens">The node's tokens as the server prints them (decimal Murmur3 tokens).</param>
internal sealed record TopologyNode(IPEndPoint Address, string? Datacenter, string? Rack, IReadOnlyList<string> Tokens);

/// <summary>A keyspace's replication settings.</summary>
/// <param name="Name">Keyspace name.</param>
/// <param name="StrategyClass">e.g. org.apache.cassandra.locator.SimpleStrategy or NetworkTopologyStrategy.</param>
/// <param name="Options">replication_factor, or datacenter name to replica count.</param>
internal sealed record KeyspaceReplication(string Name, string StrategyClass, IReadOnlyDictionary<string, string> Options);

/// <summary>What the token map needs: the partitioner, the nodes with their tokens, the keyspaces.</summary>
internal sealed record ClusterTopology(string? Partitioner, IReadOnlyList<TopologyNode> Nodes, IReadOnlyList<KeyspaceReplication> Keyspaces);
