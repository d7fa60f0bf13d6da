namespace OrderPipeline.Stack;

public enum ServerKind
{
    ZooKeeper,
    Kafka,
    Cassandra,
}
