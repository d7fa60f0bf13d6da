using System.Diagnostics;
using OrderPipeline.Dashboard.Data;

namespace OrderPipeline.Dashboard.Analytics;

/// One full pass over `orders_by_day`: day partitions are read a few at a time, each folded into its own
/// accumulator and merged, so memory holds counters and one page per reader, never the whole table.
public sealed class AnalyticsComputer(IOrderStore store, TimeProvider timeProvider, int parallelism = 4)
{
    private const int DayAttempts = 3;

    public async Task<AnalyticsSnapshot> ComputeAsync(CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var total = new OrderAccumulator();
        var gate = new Lock();

        await Parallel.ForEachAsync(
            store.ListDaysAsync(cancellationToken),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (day, ct) =>
            {
                var perDay = await ReadDayAsync(day, ct);
                lock (gate)
                {
                    total.MergeFrom(perDay);
                }
            });

        return total.ToSnapshot(timeProvider.GetUtcNow(), Stopwatch.GetElapsedTime(started));
    }

    /// A busy node may time out one page read (Cassandra's ReadTimeout); the day is read again from its
    /// start a few times before the whole pass is given up, so one slow page does not void a long pass.
    private async Task<OrderAccumulator> ReadDayAsync(string day, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var perDay = new OrderAccumulator();
            try
            {
                await foreach (var order in store.ReadDayAsync(day, cancellationToken))
                {
                    perDay.Add(day, order);
                }

                return perDay;
            }
            catch (StoreUnavailableException) when (attempt < DayAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt), timeProvider, cancellationToken);
            }
        }
    }
}
