using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OrderPipeline.Dashboard.Health;

/// Reads the consumer group's committed offsets and the topics' watermarks, and peeks at the newest
/// dead letters. It never subscribes and never commits, so it does not disturb the consumer group.
public sealed partial class KafkaProbe : IKafkaProbe, IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(4);

    private readonly DashboardOptions _options;
    private readonly ILogger<KafkaProbe> _logger;
    private readonly IAdminClient _admin;
    private readonly IConsumer<byte[], byte[]> _offsets;
    private readonly IConsumer<byte[], byte[]> _peeker;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _peekedHighTotal = -1;
    private IReadOnlyList<DeadLetter> _peeked = [];

    public KafkaProbe(IOptions<DashboardOptions> options, ILogger<KafkaProbe> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
        _admin = new AdminClientBuilder(Config())
            .SetLogHandler((_, m) => LogClient(_logger, m.Name, m.Message))
            .SetErrorHandler((_, e) => LogClient(_logger, "admin", e.Reason))
            .Build();
        // Committed() asks the group coordinator for the group's offsets; without Subscribe() this client
        // never joins the group.
        _offsets = Consumer(_options.ConsumerGroup);
        _peeker = Consumer("orderpipeline-dashboard-peek");
    }

    private ClientConfig Config() => new()
    {
        BootstrapServers = _options.KafkaBootstrapServers,
        // Kafka 0.9 brokers do not know ApiVersionRequest: skip it and assume the 0.9 protocol.
        ApiVersionRequest = false,
        BrokerVersionFallback = "0.9.0.1",
        SocketTimeoutMs = (int)Timeout.TotalMilliseconds,
    };

    private IConsumer<byte[], byte[]> Consumer(string groupId) =>
        new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig(Config())
        {
            GroupId = groupId,
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnablePartitionEof = true,
        })
            .SetLogHandler((_, m) => LogClient(_logger, m.Name, m.Message))
            .SetErrorHandler((_, e) => LogClient(_logger, groupId, e.Reason))
            .Build();

    public async Task<KafkaStatus> ReadAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // The Confluent client's offset calls block; keep them off the request threads.
            return await Task.Run(() => Read(cancellationToken), cancellationToken);
        }
        catch (KafkaException ex)
        {
            throw new KafkaUnavailableException(
                $"Kafka at {_options.KafkaBootstrapServers} did not answer: {ex.Error.Reason}", ex);
        }
        finally
        {
            _gate.Release();
        }
    }

    private KafkaStatus Read(CancellationToken cancellationToken)
    {
        // Metadata for all topics: asking for one topic by name would auto-create it on a 0.9 broker.
        var metadata = _admin.GetMetadata(Timeout);
        if (metadata.Brokers.Count == 0)
        {
            throw new KafkaUnavailableException($"No Kafka broker answered at {_options.KafkaBootstrapServers}.");
        }

        var orders = Partitions(metadata, _options.OrdersTopic);
        var committed = orders.Count == 0
            ? []
            : _offsets.Committed(orders, Timeout).ToDictionary(t => t.Partition.Value, t => t.Offset);

        var lags = new List<PartitionLag>(orders.Count);
        foreach (var tp in orders)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var marks = _offsets.QueryWatermarkOffsets(tp, Timeout);
            long? done = committed.TryGetValue(tp.Partition.Value, out var c) && c != Offset.Unset ? c.Value : null;
            // With nothing committed the whole retained log is still to be consumed.
            var lag = Math.Max(0, marks.High.Value - (done ?? marks.Low.Value));
            lags.Add(new PartitionLag(tp.Partition.Value, marks.Low.Value, marks.High.Value, done, lag));
        }

        var dlq = Partitions(metadata, _options.DeadLetterTopic);
        var dlqMarks = dlq.Select(tp => (tp, marks: _offsets.QueryWatermarkOffsets(tp, Timeout))).ToList();
        var deadLetters = dlqMarks.Sum(x => x.marks.High.Value - x.marks.Low.Value);
        var highTotal = dlqMarks.Sum(x => x.marks.High.Value);
        if (highTotal != _peekedHighTotal)
        {
            _peeked = DeadLetterPeek.Newest(_peeker, dlqMarks, _options.DeadLetterSamples, Timeout, cancellationToken);
            _peekedHighTotal = highTotal;
        }

        return new KafkaStatus(lags, lags.Sum(l => l.Lag), lags.Sum(l => l.Committed ?? 0), deadLetters, _peeked);
    }

    private static List<TopicPartition> Partitions(Metadata metadata, string topic) =>
        metadata.Topics
            .Where(t => t.Topic == topic && !t.Error.IsError)
            .SelectMany(t => t.Partitions.Select(p => new TopicPartition(topic, new Partition(p.PartitionId))))
            .OrderBy(tp => tp.Partition.Value)
            .ToList();

    public void Dispose()
    {
        _offsets.Close();
        _offsets.Dispose();
        _peeker.Close();
        _peeker.Dispose();
        _admin.Dispose();
        _gate.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Kafka client {Name}: {Message}")]
    private static partial void LogClient(ILogger logger, string name, string message);
}
