using Confluent.Kafka;
using OrderPipeline.Orders;

namespace OrderPipeline.Consumer;

/// <summary>Per-message events for verbose output; called from write tasks, so implementations must be thread-safe.</summary>
public interface IConsumerObserver
{
    void Received(Order order);

    void Stored(Order order);

    void DeadLettered(TopicPartitionOffset source, string reason, string detail);
}

/// <summary>The observer when nobody listens.</summary>
public sealed class NullConsumerObserver : IConsumerObserver
{
    public static NullConsumerObserver Instance { get; } = new();

    public void Received(Order order)
    {
    }

    public void Stored(Order order)
    {
    }

    public void DeadLettered(TopicPartitionOffset source, string reason, string detail)
    {
    }
}
