using System.Diagnostics;
using OrderPipeline.Dashboard.Data;

namespace OrderPipeline.Dashboard.Analytics;

/// One full pass over `orders_by_day`: day partitions are read a few at a time, each folded into its own
/// accumulator and merged, so memory holds counters and one page per reader, never the whole table.
public sealed class AnalyticsComputer(IOrderStore store, TimeProvider timeProvider, int parallelism = 4)
{
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
                var perDay = new OrderAccumulator();
                await foreach (var order in store.ReadDayAsync(day, ct))
                {
                    perDay.Add(day, order);
                }

                lock (gate)
                {
                    total.MergeFrom(perDay);
                }
            });

        return total.ToSnapshot(timeProvider.GetUtcNow(), Stopwatch.GetElapsedTime(started));
    }
}
