using Confluent.Kafka;

namespace OrderPipeline.Consumer.DeadLetters;

/// <summary>Publishes a message that cannot be stored to the dead-letter topic, with its original bytes and why.</summary>
public interface IDeadLetterSink
{
    /// <summary>Completes once the dead letter is acknowledged by the broker (acks=all); retries until then.</summary>
    Task SendAsync(ConsumeResult<byte[]?, byte[]?> original, string reason, string detail, CancellationToken cancellationToken);
}
