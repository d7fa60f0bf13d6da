using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using OrderPipeline.Consumer.Writing;
using OrderPipeline.Orders.DeadLetters;

namespace OrderPipeline.Consumer.DeadLetters;

/// <summary>
/// Dead letters to <see cref="ConsumerOptions.DeadLetterTopic"/>, keyed by the original key. On brokers with record
/// headers (0.11+) the value is the original value and the reason travels in headers; Kafka 0.9 stores message
/// format v0, which has no headers, so there the value is a <see cref="DeadLetterEnvelope"/> carrying the reason
/// and the original key and value in base64. A dead letter is never given up: broker errors are retried.
/// </summary>
public sealed partial class KafkaDeadLetterSink : IDeadLetterSink, IDisposable
{
    // A dead letter that does not fit (a huge poison message, grown by base64) keeps this much of the value.
    private const int TruncatedValueBytes = 64 * 1024;

    private readonly ConsumerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lazy<IProducer<byte[]?, byte[]?>> _producer;

    public KafkaDeadLetterSink(ConsumerOptions options, TimeProvider time, ILogger<KafkaDeadLetterSink> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = time;
        _logger = logger;
        // Built on first use: the broker capabilities are resolved when the worker starts, after composition.
        _producer = new Lazy<IProducer<byte[]?, byte[]?>>(() =>
            new ProducerBuilder<byte[]?, byte[]?>(KafkaConfig.ForDeadLetterProducer(options))
                .SetLogHandler((_, _) => { })
                .SetErrorHandler((_, e) => LogProducerError(e.Code, e.Reason))
                .Build());
    }

    private bool UseHeaders => _options.Capabilities?.SupportsHeaders ?? false;

    public async Task SendAsync(
        ConsumeResult<byte[]?, byte[]?> original, string reason, string detail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(original);
        var value = original.Message.Value;
        var failures = 0;
        while (true)
        {
            try
            {
                var message = Build(original, value, reason, detail);
                await _producer.Value.ProduceAsync(_options.Kafka.DeadLetterTopic, message, cancellationToken);
                return;
            }
            catch (ProduceException<byte[]?, byte[]?> ex) when (
                ex.Error.Code == ErrorCode.MsgSizeTooLarge
                && value is { Length: > TruncatedValueBytes })
            {
                detail = $"{detail} (value truncated from {value.Length} bytes: too large for the dead-letter topic)";
                value = value[..TruncatedValueBytes];
            }
            catch (ProduceException<byte[]?, byte[]?> ex)
            {
                failures++;
                LogRetry(original.TopicPartitionOffset, ex.Error.Code, ex.Error.Reason);
                await Task.Delay(RetryBackoff.Default.Delay(failures), _time, cancellationToken);
            }
        }
    }

    private Message<byte[]?, byte[]?> Build(
        ConsumeResult<byte[]?, byte[]?> original, byte[]? value, string reason, string detail)
    {
        var key = original.Message.Key;
        var envelope = new DeadLetterEnvelope
        {
            Reason = reason,
            Detail = detail,
            Topic = original.Topic,
            Partition = original.Partition.Value,
            Offset = original.Offset.Value,
            KeyBase64 = key is null ? null : Convert.ToBase64String(key),
            ValueBase64 = value is null ? null : Convert.ToBase64String(value),
            DeadLetteredAt = _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture),
        };
        if (!UseHeaders)
        {
            return new Message<byte[]?, byte[]?> { Key = key, Value = envelope.ToUtf8Json() };
        }

        var headers = new Headers();
        foreach (var (name, bytes) in envelope.ToHeaders())
        {
            headers.Add(name, bytes);
        }

        return new Message<byte[]?, byte[]?> { Key = key, Value = value, Headers = headers };
    }

    public void Dispose()
    {
        if (_producer.IsValueCreated)
        {
            _producer.Value.Flush(TimeSpan.FromSeconds(10));
            _producer.Value.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dead letter for {Original} not acknowledged ({Code}: {Reason}); retrying")]
    private partial void LogRetry(TopicPartitionOffset original, ErrorCode code, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dead-letter producer error {Code}: {Reason}")]
    private partial void LogProducerError(ErrorCode code, string reason);
}
