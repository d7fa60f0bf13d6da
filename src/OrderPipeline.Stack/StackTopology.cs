namespace OrderPipeline.Stack;

/// How many Kafka brokers and Cassandra nodes a stack runs (1..3 each) next to one ZooKeeper.
public sealed record StackTopology
{
    public const int MaxServers = 3;

    public StackTopology(int kafkaBrokers, int cassandraNodes)
    {
        if (kafkaBrokers is < 1 or > MaxServers)
        {
            throw new StackException(StackErrorKind.Usage, $"--kafka-brokers must be 1..{MaxServers}, not {kafkaBrokers}.");
        }

        if (cassandraNodes is < 1 or > MaxServers)
        {
            throw new StackException(StackErrorKind.Usage, $"--cassandra-nodes must be 1..{MaxServers}, not {cassandraNodes}.");
        }

        KafkaBrokers = kafkaBrokers;
        CassandraNodes = cassandraNodes;
    }

    public static StackTopology OneEach { get; } = new(1, 1);

    public int KafkaBrokers { get; }

    public int CassandraNodes { get; }

    /// Replication factor for the pipeline topics and the offsets topic.
    public int ReplicationFactor => Math.Min(3, KafkaBrokers);

    public override string ToString() => $"{KafkaBrokers} Kafka broker(s) + {CassandraNodes} Cassandra node(s)";
}
