using Confluent.Kafka;

namespace OrderPipeline.Consumer;

/// <summary>What became of a consumed message once it is durably handled.</summary>
public enum MessageOutcome
{
    Stored,
    DeadLettered,
}

/// <summary>
/// Handles one consumed message until it is durably stored or dead-lettered. Transient failures are retried
/// inside (the returned task simply takes longer); the task fails only when <paramref name="cancellationToken"/>
/// is cancelled, and then the message counts as unfinished and its offset is never committed.
/// </summary>
public interface IMessageHandler
{
    Task<MessageOutcome> HandleAsync(ConsumeResult<byte[]?, byte[]?> message, CancellationToken cancellationToken);
}
