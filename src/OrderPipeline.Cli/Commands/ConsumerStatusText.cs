using System.Globalization;
using OrderPipeline.Consumer;

namespace OrderPipeline.Cli.Commands;

/// <summary>Formats the live status line: rate over the last interval, lag, stored, dead-lettered, retries.</summary>
internal sealed class ConsumerStatusText(ConsumerStats stats, TimeProvider time)
{
    private long _lastHandled;
    private long _lastAt = time.GetTimestamp();

    public string Next()
    {
        var handled = stats.Stored + stats.DeadLettered;
        var elapsed = time.GetElapsedTime(_lastAt).TotalSeconds;
        var rate = elapsed > 0 ? (handled - _lastHandled) / elapsed : 0;
        _lastHandled = handled;
        _lastAt = time.GetTimestamp();
        var lag = stats.Lag < 0 ? "?" : stats.Lag.ToString("N0", CultureInfo.InvariantCulture);
        var state = stats.Paused ? " PAUSED (Cassandra unavailable or writes stalled)" : "";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{rate,8:N0} orders/s | lag {lag} | stored {stats.Stored:N0} | dead-lettered {stats.DeadLettered:N0} | retries {stats.Retries:N0} | in flight {stats.InFlight} | partitions {stats.AssignedPartitions}{state}");
    }
}
