using OrderPipeline.Stack;

namespace OrderPipeline.Chaos.Framework;

/// The two stacks the scenarios use. A 3-broker stack gives the topics replication 3 with
/// min.insync.replicas 2 (see <see cref="PipelineNames"/> creation in <see cref="ChaosContext"/>), and 3 Cassandra
/// nodes give the keyspace RF 3, so QUORUM (2 of 3) survives one node down.
public static class ChaosTopologies
{
    /// 1 broker + 1 Cassandra node: the fast scenarios (1, 2, 8, 9), what CI runs.
    public static StackTopology OneNode { get; } = StackTopology.OneEach;

    /// 3 brokers + 3 Cassandra nodes: the cluster scenarios (3..7).
    public static StackTopology Cluster { get; } = new(3, 3);

    /// Short form for the table and the state folder, e.g. "1x1", "3x3", "none".
    public static string Label(StackTopology? topology) =>
        topology is null ? "none" : $"{topology.KafkaBrokers}x{topology.CassandraNodes}";
}
