namespace OrderPipeline.Stack.Probes;

public sealed record KafkaBroker(int NodeId, string Host, int Port);

public sealed record KafkaPartition(int Id, short ErrorCode, int Leader, IReadOnlyList<int> Replicas, IReadOnlyList<int> Isr);

public sealed record KafkaTopic(string Name, short ErrorCode, IReadOnlyList<KafkaPartition> Partitions)
{
    /// Every partition has a leader, so producers and consumers can use the topic.
    public bool IsUsable => ErrorCode == 0 && Partitions.Count > 0 && Partitions.All(p => p.Leader >= 0);
}

public sealed record KafkaMetadata(IReadOnlyList<KafkaBroker> Brokers, IReadOnlyList<KafkaTopic> Topics)
{
    public KafkaTopic? Topic(string name) => Topics.FirstOrDefault(t => t.Name == name);
}
