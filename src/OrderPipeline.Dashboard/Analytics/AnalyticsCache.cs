using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderPipeline.Dashboard.Data;

namespace OrderPipeline.Dashboard.Analytics;

/// Recomputes the analytics in the background and keeps the last finished pass, so a request never waits
/// for a scan. A failed pass keeps the previous snapshot and records the error for the page.
public sealed partial class AnalyticsCache(
    AnalyticsComputer computer,
    IOptions<DashboardOptions> options,
    TimeProvider timeProvider,
    ILogger<AnalyticsCache> logger) : BackgroundService
{
    private volatile AnalyticsSnapshot? _snapshot;
    private volatile string? _lastError;
    private DateTimeOffset? _lastErrorAt;

    public AnalyticsSnapshot? Snapshot => _snapshot;

    public string? LastError => _lastError;

    public DateTimeOffset? LastErrorAt => _lastErrorAt;

    /// Completes after the next pass, successful or not; tests use it to wait for fresh numbers.
    public Task NextPassAsync(CancellationToken cancellationToken = default) =>
        _nextPass.Task.WaitAsync(cancellationToken);

    private TaskCompletionSource _nextPass = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                _snapshot = await computer.ComputeAsync(stoppingToken);
                _lastError = null;
                LogPass(logger, _snapshot.TotalOrders, _snapshot.Days, _snapshot.RefreshSeconds);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is StoreUnavailableException or QueryFailedException or TimeoutException or IOException)
            {
                _lastError = ex.Message;
                _lastErrorAt = timeProvider.GetUtcNow();
                LogFailed(logger, ex.Message);
            }

            Interlocked.Exchange(ref _nextPass, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            try
            {
                await Task.Delay(options.Value.AnalyticsInterval, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Analytics pass: {Orders} orders over {Days} days in {Seconds:F2} s")]
    private static partial void LogPass(ILogger logger, long orders, int days, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Analytics pass failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string error);
}
