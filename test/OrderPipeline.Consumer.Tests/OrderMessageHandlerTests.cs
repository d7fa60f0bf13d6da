using System.Text;
using Confluent.Kafka;
using OrderPipeline.Consumer.DeadLetters;
using OrderPipeline.Consumer.Writing;

namespace OrderPipeline.Consumer.Tests;

public class OrderMessageHandlerTests
{
    private const string Valid =
        "{\"order_id\":\"e481f51cbdc54678b7cc49136f2d6af7\",\"customer_id\":\"9ef432eb6251297304e76186b10a928d\"," +
        "\"order_status\":\"delivered\",\"order_purchase_timestamp\":\"2017-10-02 10:56:33\",\"order_approved_at\":\"\"," +
        "\"order_delivered_carrier_date\":null,\"order_delivered_customer_date\":null,\"order_estimated_delivery_date\":\"2017-10-18 00:00:00\"}";

    /// <summary>Records writes; fails the first <c>transientFailures</c> attempts, or always with a permanent error.</summary>
    private sealed class RecordingStore(int transientFailures = 0, bool permanent = false) : IOrderStore
    {
        private int _attempts;

        public List<OrderRow> Written { get; } = [];

        public Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task WriteAsync(OrderRow row, CancellationToken cancellationToken)
        {
            if (permanent)
            {
                throw new InvalidOperationException("rejected by the server");
            }

            if (++_attempts <= transientFailures)
            {
                throw new TimeoutException("write timeout");
            }

            Written.Add(row);
            return Task.CompletedTask;
        }

        public StoreFailureKind ClassifyFailure(Exception exception) =>
            exception is TimeoutException ? StoreFailureKind.Transient : StoreFailureKind.Permanent;
    }

    private sealed class RecordingSink : IDeadLetterSink
    {
        public List<(byte[]? Value, string Reason, string Detail)> Letters { get; } = [];

        public Task SendAsync(ConsumeResult<byte[]?, byte[]?> original, string reason, string detail, CancellationToken cancellationToken)
        {
            Letters.Add((original.Message.Value, reason, detail));
            return Task.CompletedTask;
        }
    }

    private static ConsumeResult<byte[]?, byte[]?> Message(string? value) => new()
    {
        TopicPartitionOffset = new TopicPartitionOffset("orders", new Partition(1), new Offset(42)),
        Message = new Message<byte[]?, byte[]?> { Key = Encoding.UTF8.GetBytes("k"), Value = value is null ? null : Encoding.UTF8.GetBytes(value) },
    };

    private static (OrderMessageHandler Handler, ConsumerStats Stats) Create(IOrderStore store, IDeadLetterSink sink)
    {
        var stats = new ConsumerStats();
        var retry = new StoreRetry(new StoreHealth(), stats, new RetryBackoff(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(2)), store.ClassifyFailure, TimeProvider.System);
        return (new OrderMessageHandler(store, retry, sink, NullConsumerObserver.Instance), stats);
    }

    [Fact]
    public async Task Should_StoreTheOrder_When_MessageIsValid_IncludingEmptyStringsForMissingValues()
    {
        var store = new RecordingStore();
        var sink = new RecordingSink();
        var (handler, _) = Create(store, sink);

        var outcome = await handler.HandleAsync(Message(Valid), CancellationToken.None);

        Assert.Equal(MessageOutcome.Stored, outcome);
        var row = Assert.Single(store.Written);
        Assert.Null(row.Approved);
        Assert.Equal(10, row.OrderHour);
        Assert.Equal("Monday", row.OrderDayOfWeek);
        Assert.Empty(sink.Letters);
    }

    [Theory]
    [InlineData("not json", "NotJson")]
    [InlineData("{\"order_id\":", "NotJson")]
    [InlineData(null, "NotJson")]
    public async Task Should_DeadLetterWithOriginalBytes_When_MessageIsPoison(string? value, string reason)
    {
        var store = new RecordingStore();
        var sink = new RecordingSink();
        var (handler, _) = Create(store, sink);

        var outcome = await handler.HandleAsync(Message(value), CancellationToken.None);

        Assert.Equal(MessageOutcome.DeadLettered, outcome);
        var letter = Assert.Single(sink.Letters);
        Assert.Equal(reason, letter.Reason);
        Assert.Equal(value is null ? null : Encoding.UTF8.GetBytes(value), letter.Value);
        Assert.Empty(store.Written);
    }

    [Fact]
    public async Task Should_RetryUntilStored_When_WritesFailTransiently()
    {
        var store = new RecordingStore(transientFailures: 3);
        var sink = new RecordingSink();
        var (handler, stats) = Create(store, sink);

        var outcome = await handler.HandleAsync(Message(Valid), CancellationToken.None);

        Assert.Equal(MessageOutcome.Stored, outcome);
        Assert.Single(store.Written);
        Assert.Equal(3, stats.Retries);
        Assert.Empty(sink.Letters);
    }

    [Fact]
    public async Task Should_DeadLetter_When_CassandraRejectsTheWrite()
    {
        var sink = new RecordingSink();
        var (handler, _) = Create(new RecordingStore(permanent: true), sink);

        var outcome = await handler.HandleAsync(Message(Valid), CancellationToken.None);

        Assert.Equal(MessageOutcome.DeadLettered, outcome);
        var letter = Assert.Single(sink.Letters);
        Assert.Equal(OrderMessageHandler.StoreRejectedReason, letter.Reason);
        Assert.Contains("rejected by the server", letter.Detail, StringComparison.Ordinal);
    }
}
