using System.Diagnostics;
using Confluent.Kafka;
using OrderPipeline.Kafka;
using OrderPipeline.Orders;
using OrderPipeline.Orders.Csv;

namespace OrderPipeline.Producer;

/// <summary>
/// CSV -> Kafka: reads an order file with the cleaning rules, writes rejected rows to a rejects CSV and sends
/// every accepted order (the last occurrence of a duplicated id) to the topic as JSON, keyed
/// <c>{customer_id}_{order_id}</c>. Messages are queued without waiting (librdkafka batches them) and counted
/// by delivery report; the only flush is at the end (or on cancellation, to drain what is in flight).
/// </summary>
public sealed class OrderFileProducer
{
    private static readonly TimeSpan FlushSlice = TimeSpan.FromMilliseconds(200);
    private readonly KafkaOptions _options;

    public OrderFileProducer(KafkaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Validate();
    }

    /// <summary>Runs to the end of the file, the limit, or cancellation (then drains in-flight messages).</summary>
    /// <exception cref="KafkaUnavailableException">No broker reachable within the connect timeout.</exception>
    /// <exception cref="OrderCsvFormatException">The file is empty or lacks a required column.</exception>
    /// <exception cref="FileNotFoundException">The CSV file does not exist.</exception>
    public async Task<ProduceResult> RunAsync(ProduceRequest request, ProduceStats stats, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(stats);
        if (!File.Exists(request.CsvPath))
        {
            throw new FileNotFoundException($"CSV file not found: {request.CsvPath}", request.CsvPath);
        }

        var clock = Stopwatch.StartNew();
        var topic = request.Topic ?? _options.Topic;
        stats.Phase = ProducePhase.Connecting;
        // The raw duplicate scan needs no broker, so it runs while the broker is probed and the topic checked.
        using var scanCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var scanning = Task.Run(() => OrderFile.Scan(request.CsvPath, scanCancel.Token), scanCancel.Token);
        // Loading librdkafka (about 0.1 s here) needs no broker either; a load failure is reported by Build below.
        var loading = Task.Run(() => Library.Load(), CancellationToken.None);
        BrokerCapabilities broker;
        try
        {
            broker = await BrokerProbe.ResolveAsync(_options, cancellationToken);
        }
        catch
        {
            await scanCancel.CancelAsync();
            await Task.WhenAny(scanning);
            throw;
        }

        // Benchmark hook (off unless its environment variable is set): the CreateTime per partition/offset.
        // Disposed after the producer (declared first), so late delivery reports never meet a closed file.
        using var timings = MessageTimingLog.OpenFile(request.TimingLogPath);
        await Task.WhenAny(loading);
        using var producer = Build(broker, stats, paced: request.RatePerSecond is not null);
        int partitions;
        using (var admin = new DependentAdminClientBuilder(producer.Handle).Build())
        {
            partitions = await KafkaTopics.EnsureAsync(admin, _options, broker, topic, _options.TopicPartitions, _options.ReplicationFactor, cancellationToken);
        }

        stats.Phase = ProducePhase.Scanning;
        var index = await scanning;
        stats.ExpectedOrders = request.Limit is { } limit ? Math.Min(limit, index.DistinctIds) : index.DistinctIds;

        var summary = new CleaningSummary();
        var rejectsPath = request.RejectsPath ?? RejectsCsvWriter.DefaultPathFor(request.CsvPath);
        using var rejects = new RejectsCsvWriter(rejectsPath);

        stats.Phase = ProducePhase.Producing;
        // The send loop is synchronous (Produce never blocks except on a full queue), so it runs on its own
        // thread rather than tying up a thread-pool thread.
        var cancelled = await Task.Factory.StartNew(
            () => SendAll(producer, request, index, summary, rejects, stats, topic, timings, cancellationToken),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        stats.Phase = ProducePhase.Flushing;
        var unconfirmed = Drain(producer, stats);
        stats.Phase = ProducePhase.Done;
        clock.Stop();
        return new ProduceResult(summary, stats.Sent, stats.Delivered, stats.Failed, unconfirmed,
            rejects.Written > 0 ? rejects.Path : null, cancelled, clock.Elapsed, topic, partitions, broker, stats.FirstError);
    }

    private IProducer<byte[], byte[]> Build(BrokerCapabilities broker, ProduceStats stats, bool paced)
    {
        var config = KafkaClientConfigs.Producer(_options, broker);
        if (paced)
        {
            config.LingerMs = _options.PacedLingerMs;
        }

        return new ProducerBuilder<byte[], byte[]>(config)
            .SetErrorHandler((_, error) => stats.LastClientMessage = error.Reason)
            .SetLogHandler((_, message) =>
            {
                if (message.Level <= SyslogLevel.Warning)
                {
                    stats.LastClientMessage = message.Message;
                }
            })
            .Build();
    }

    private static bool SendAll(
        IProducer<byte[], byte[]> producer, ProduceRequest request, OrderFileIndex index, CleaningSummary summary,
        RejectsCsvWriter rejects, ProduceStats stats, string topic, MessageTimingLog? timings, CancellationToken cancellationToken)
    {
        var pacer = request.RatePerSecond is { } rate ? new RatePacer(rate) : null;
        var onDelivered = request.OnDelivered;
        Action<DeliveryReport<byte[], byte[]>> handler = report =>
        {
            if (report.Error.IsError)
            {
                stats.AddFailed(report.Error.Reason);
                return;
            }

            stats.AddDelivered();
            onDelivered?.Invoke(report.Topic, report.Partition.Value);
        };

        try
        {
            foreach (var record in OrderFile.ReadCleaned(request.CsvPath, index, summary, cancellationToken))
            {
                stats.AddRead();
                if (record.Order is not { } order)
                {
                    stats.AddRejected();
                    rejects.Write(record.Rejection!);
                    continue;
                }

                if (request.Limit is { } limit && stats.Sent >= limit)
                {
                    break;
                }

                if (pacer?.NextDelay() is { } delay && delay > TimeSpan.Zero && cancellationToken.WaitHandle.WaitOne(delay))
                {
                    return true;
                }

                var message = new Message<byte[], byte[]> { Key = OrderMessageEncoding.Key(order), Value = OrderMessageEncoding.Value(order) };
                Send(producer, topic, message, timings is null ? handler : Timed(handler, timings, message), cancellationToken);
                stats.AddSent();
                if (cancellationToken.IsCancellationRequested)
                {
                    return true;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return true;
        }

        return cancellationToken.IsCancellationRequested;
    }

    /// <summary>
    /// Benchmark hook: stamps the message's CreateTime now, at produce(), and logs that time with the partition and
    /// offset once delivered. The time is kept by the handler, not read back from the delivery report: reports
    /// carry no fields here (delivery.report.fields=none) and a 0.9 broker stores no timestamp at all.
    /// </summary>
    private static Action<DeliveryReport<byte[], byte[]>> Timed(
        Action<DeliveryReport<byte[], byte[]>> handler, MessageTimingLog timings, Message<byte[], byte[]> message)
    {
        var created = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        message.Timestamp = new Timestamp(created, TimestampType.CreateTime);
        return report =>
        {
            handler(report);
            if (!report.Error.IsError)
            {
                timings.Write(report.Partition.Value, report.Offset.Value, created);
            }
        };
    }

    private static void Send(
        IProducer<byte[], byte[]> producer, string topic, Message<byte[], byte[]> message,
        Action<DeliveryReport<byte[], byte[]>> handler, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                producer.Produce(topic, message, handler);
                return;
            }
            catch (ProduceException<byte[], byte[]> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull)
            {
                // The local queue is the memory bound: wait for deliveries to make room, then retry.
                // Not cancellable on purpose: once read, an order is either sent or the run ends here.
                // (Flush with a short timeout is the wait: Poll is reserved for clients without background polling.)
                producer.Flush(TimeSpan.FromMilliseconds(cancellationToken.IsCancellationRequested ? 50 : 2));
            }
        }
    }

    /// <summary>Waits for all in-flight messages; returns how many are still unconfirmed after the timeout.</summary>
    private long Drain(IProducer<byte[], byte[]> producer, ProduceStats stats)
    {
        var deadline = Stopwatch.StartNew();
        var limit = _options.MessageTimeout + TimeSpan.FromSeconds(5);
        while (producer.Flush(FlushSlice) > 0 && deadline.Elapsed < limit)
        {
        }

        // Delivery callbacks run on the client's poll thread; give the last ones a moment to be counted.
        var settle = Stopwatch.StartNew();
        while (stats.InFlight > 0 && settle.Elapsed < TimeSpan.FromSeconds(2))
        {
            Thread.Sleep(10);
        }

        return stats.InFlight;
    }
}
