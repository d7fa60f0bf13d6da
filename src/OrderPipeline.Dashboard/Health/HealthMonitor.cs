using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderPipeline.Dashboard.Analytics;
using OrderPipeline.Dashboard.Data;
using OrderPipeline.Kafka;

namespace OrderPipeline.Dashboard.Health;

/// Samples Cassandra and Kafka every few seconds and keeps the latest picture plus a minute of committed
/// offsets for the rate. Requests read the picture; they never wait on a server.
public sealed partial class HealthMonitor(
    IOrderStore store,
    IKafkaProbe kafka,
    AnalyticsCache analytics,
    IOptions<DashboardOptions> options,
    TimeProvider timeProvider,
    ILogger<HealthMonitor> logger) : BackgroundService
{
    private static readonly TimeSpan RateWindow = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly Queue<(DateTimeOffset At, long Committed)> _committed = new();
    private ServiceState _cassandra = new(false, "not checked yet", null);
    private ServiceState _kafka = new(false, "not checked yet", null);
    private KafkaStatus? _pipeline;
    private double? _rate;
    private ErrorNote? _lastError;
    private DateTimeOffset _sampledAt;

    public HealthReport Current
    {
        get
        {
            var snapshot = analytics.Snapshot;
            lock (_gate)
            {
                var lastError = _lastError;
                if (analytics.LastError is { } analyticsError && analytics.LastErrorAt is { } at && (lastError is null || at > lastError.At))
                {
                    lastError = new ErrorNote("analytics", analyticsError, at);
                }

                return new HealthReport(_sampledAt, _cassandra, _kafka, snapshot?.TotalOrders, snapshot?.ComputedAt,
                    snapshot?.RefreshSeconds, _rate, _pipeline, lastError);
            }
        }
    }

    /// One sample; the loop calls it, tests may call it directly.
    public async Task SampleAsync(CancellationToken cancellationToken = default)
    {
        var cassandra = await CheckCassandraAsync(cancellationToken);
        var (kafkaState, pipeline) = await CheckKafkaAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        lock (_gate)
        {
            _sampledAt = now;
            _cassandra = cassandra;
            _kafka = kafkaState;
            if (cassandra.Error is { } ce)
            {
                _lastError = new ErrorNote("cassandra", ce, now);
            }

            if (kafkaState.Error is { } ke)
            {
                _lastError = new ErrorNote("kafka", ke, now);
            }

            if (pipeline is not null)
            {
                _pipeline = pipeline;
                UpdateRate(now, pipeline.CommittedTotal);
            }
        }
    }

    /// Rate over the samples of the last minute, scaled to a full minute while the window fills up.
    private void UpdateRate(DateTimeOffset now, long committed)
    {
        _committed.Enqueue((now, committed));
        while (_committed.Count > 2 && now - _committed.Peek().At > RateWindow)
        {
            _committed.Dequeue();
        }

        var (firstAt, firstCommitted) = _committed.Peek();
        var span = now - firstAt;
        _rate = span > TimeSpan.Zero ? Math.Max(0, committed - firstCommitted) / span.TotalMinutes : null;
    }

    private async Task<ServiceState> CheckCassandraAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            await store.PingAsync(timeout.Token);
            return new ServiceState(true, null, timeProvider.GetUtcNow());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ServiceState(false, $"Cassandra did not answer within {ProbeTimeout.TotalSeconds:0} s.", timeProvider.GetUtcNow());
        }
        catch (StoreUnavailableException ex)
        {
            LogUnreachable(logger, "Cassandra", ex.Message);
            return new ServiceState(false, ex.Message, timeProvider.GetUtcNow());
        }
    }

    private async Task<(ServiceState, KafkaStatus?)> CheckKafkaAsync(CancellationToken cancellationToken)
    {
        try
        {
            var status = await kafka.ReadAsync(cancellationToken);
            return (new ServiceState(true, null, timeProvider.GetUtcNow()), status);
        }
        catch (KafkaUnavailableException ex)
        {
            LogUnreachable(logger, "Kafka", ex.Message);
            return (new ServiceState(false, ex.Message, timeProvider.GetUtcNow()), null);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SampleAsync(stoppingToken);
                await Task.Delay(options.Value.HealthInterval, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Service} unreachable: {Error}")]
    private static partial void LogUnreachable(ILogger logger, string service, string error);
}
