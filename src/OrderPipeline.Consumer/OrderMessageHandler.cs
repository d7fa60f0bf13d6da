using Confluent.Kafka;
using OrderPipeline.Consumer.DeadLetters;
using OrderPipeline.Consumer.Writing;
using OrderPipeline.Orders;
using OrderPipeline.Orders.Json;

namespace OrderPipeline.Consumer;

/// <summary>
/// Turns one Kafka message into an order and stores it; a poison message (or one Cassandra rejects outright)
/// goes to the dead-letter topic instead. Transient Cassandra failures are retried by <see cref="StoreRetry"/>
/// until they succeed, so a message is never dropped.
/// </summary>
public sealed class OrderMessageHandler(
    IOrderStore store, StoreRetry retry, IDeadLetterSink deadLetters, IConsumerObserver observer) : IMessageHandler
{
    /// <summary>Dead-letter reason for a valid order that Cassandra refused (e.g. an Invalid error).</summary>
    public const string StoreRejectedReason = "StoreRejected";

    public async Task<MessageOutcome> HandleAsync(ConsumeResult<byte[]?, byte[]?> message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var value = message.Message.Value;
        if (value is null)
        {
            return await DeadLetterAsync(message, nameof(RejectReason.NotJson), "the message has no value", cancellationToken);
        }

        var order = OrderJson.Deserialize(value, out var rejection);
        if (order is null)
        {
            return await DeadLetterAsync(message, rejection!.Reason.ToString(), rejection.Detail, cancellationToken);
        }

        observer.Received(order);
        var row = OrderRow.From(order);
        var failure = await retry.ExecuteAsync(static (w, ct) => w.Store.WriteAsync(w.Row, ct), (Store: store, Row: row), cancellationToken);
        if (failure is not null)
        {
            return await DeadLetterAsync(message, StoreRejectedReason, failure.Message, cancellationToken);
        }

        observer.Stored(order);
        return MessageOutcome.Stored;
    }

    private async Task<MessageOutcome> DeadLetterAsync(
        ConsumeResult<byte[]?, byte[]?> message, string reason, string detail, CancellationToken cancellationToken)
    {
        await deadLetters.SendAsync(message, reason, detail, cancellationToken);
        observer.DeadLettered(message.TopicPartitionOffset, reason, detail);
        return MessageOutcome.DeadLettered;
    }
}
