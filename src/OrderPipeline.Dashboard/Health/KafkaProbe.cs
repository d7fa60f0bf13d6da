using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderPipeline.Kafka;

namespace OrderPipeline.Dashboard.Health;

/// Reads the consumer group's committed offsets and the topics' watermarks, and peeks at the newest
/// dead letters. It never subscribes and never commits, so it does not disturb the consumer group.
/// The clients are built on first success: the dashboard must start, and say so, while Kafka is down.
public sealed partial class KafkaProbe(IOptions<DashboardOptions> options, ILogger<KafkaProbe> logger) : IKafkaProbe, IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(4);

    private readonly KafkaOptions _kafka = options.Value.Kafka;
    private readonly int _samples = options.Value.DeadLetterSamples;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Clients? _clients;
    private long _peekedHighTotal = -1;
    private IReadOnlyList<DeadLetter> _peeked = [];

    private sealed record Clients(IAdminClient Admin, IConsumer<byte[], byte[]> Offsets, IConsumer<byte[], byte[]> Peeker);

    public async Task<KafkaStatus> ReadAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _clients ??= Build(await BrokerProbe.ResolveAsync(_kafka, cancellationToken));
            // The Confluent client's offset calls block; keep them off the request threads.
            return await Task.Run(() => Read(_clients, cancellationToken), cancellationToken);
        }
        catch (KafkaException ex)
        {
            throw new KafkaUnavailableException($"Kafka at {_kafka.BootstrapServers} did not answer: {ex.Error.Reason}", ex);
        }
        finally
        {
            _gate.Release();
        }
    }

    private Clients Build(BrokerCapabilities capabilities)
    {
        LogProfile(logger, capabilities);
        var admin = new AdminClientBuilder(KafkaClientConfigs.Admin(_kafka, capabilities))
            .SetLogHandler((_, m) => LogClient(logger, m.Name, m.Message))
            .SetErrorHandler((_, e) => LogClient(logger, "admin", e.Reason))
            .Build();
        // Committed() asks the group coordinator for the group's offsets; without Subscribe() this client
        // never joins the group. The peeker uses its own group id and only ever assigns explicitly.
        return new Clients(admin, Consumer(capabilities, _kafka.GroupId), Consumer(capabilities, "orderpipeline-dashboard-peek"));
    }

    private IConsumer<byte[], byte[]> Consumer(BrokerCapabilities capabilities, string groupId)
    {
        var config = KafkaClientConfigs.Consumer(_kafka, capabilities, groupId);
        config.EnablePartitionEof = true;
        return new ConsumerBuilder<byte[], byte[]>(config)
            .SetLogHandler((_, m) => LogClient(logger, m.Name, m.Message))
            .SetErrorHandler((_, e) => LogClient(logger, groupId, e.Reason))
            .Build();
    }

    private KafkaStatus Read(Clients clients, CancellationToken cancellationToken)
    {
        // Metadata for all topics: asking for one topic by name would auto-create it on a 0.9 broker.
        var metadata = clients.Admin.GetMetadata(Timeout);
        if (metadata.Brokers.Count == 0)
        {
            throw new KafkaUnavailableException($"No Kafka broker answered at {_kafka.BootstrapServers}.");
        }

        var orders = Partitions(metadata, _kafka.Topic);
        var committed = orders.Count == 0
            ? []
            : clients.Offsets.Committed(orders, Timeout).ToDictionary(t => t.Partition.Value, t => t.Offset);

        var lags = new List<PartitionLag>(orders.Count);
        foreach (var tp in orders)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var marks = clients.Offsets.QueryWatermarkOffsets(tp, Timeout);
            long? done = committed.TryGetValue(tp.Partition.Value, out var c) && c != Offset.Unset ? c.Value : null;
            // With nothing committed the whole retained log is still to be consumed.
            var lag = Math.Max(0, marks.High.Value - (done ?? marks.Low.Value));
            lags.Add(new PartitionLag(tp.Partition.Value, marks.Low.Value, marks.High.Value, done, lag));
        }

        var dlq = Partitions(metadata, _kafka.DeadLetterTopic);
        var dlqMarks = dlq.Select(tp => (tp, marks: clients.Offsets.QueryWatermarkOffsets(tp, Timeout))).ToList();
        var deadLetters = dlqMarks.Sum(x => x.marks.High.Value - x.marks.Low.Value);
        var highTotal = dlqMarks.Sum(x => x.marks.High.Value);
        if (highTotal != _peekedHighTotal)
        {
            _peeked = DeadLetterPeek.Newest(clients.Peeker, dlqMarks, _samples, Timeout, cancellationToken);
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
        if (_clients is { } clients)
        {
            clients.Offsets.Close();
            clients.Offsets.Dispose();
            clients.Peeker.Close();
            clients.Peeker.Dispose();
            clients.Admin.Dispose();
        }

        _gate.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Kafka brokers: {Capabilities}")]
    private static partial void LogProfile(ILogger logger, BrokerCapabilities capabilities);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Kafka client {Name}: {Message}")]
    private static partial void LogClient(ILogger logger, string name, string message);
}
