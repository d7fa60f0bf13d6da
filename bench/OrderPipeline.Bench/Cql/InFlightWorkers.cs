using System.Diagnostics;

namespace OrderPipeline.Bench.Cql;

/// Runs <c>count</c> operations with exactly C in flight: C workers share one cursor and each awaits its operation
/// before taking the next index. With <c>latencies</c>, each operation's time in milliseconds goes to its index.
internal static class InFlightWorkers
{
    public static Task RunAsync(int count, int concurrency, Func<int, Task> operation, double[]? latencies, CancellationToken cancellationToken)
    {
        var next = -1;
        var tickMs = 1000.0 / Stopwatch.Frequency;
        async Task WorkerAsync()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var started = Stopwatch.GetTimestamp();
                await operation(i);
                if (latencies is not null)
                {
                    latencies[i] = (Stopwatch.GetTimestamp() - started) * tickMs;
                }
            }
        }

        return Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(WorkerAsync, cancellationToken)));
    }
}
