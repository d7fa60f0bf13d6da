using System.Diagnostics;
using OrderPipeline.Bench.Stats;
using OrderPipeline.Bench.Suites;
using OrderPipeline.Cql;

namespace OrderPipeline.Bench.Cql;

/// `bench cql`, ours: prepared QUORUM inserts of orders-shaped rows into a scratch table (the columns and key of
/// ecommerce.orders) through one CqlSession, with C inserts in flight. Rows are made before the clock starts
/// (the Python peer does the same), so what is timed and counted for allocation is the client's own work:
/// binding, encoding, sending, waiting and decoding the result.
public static class OurCqlInsertBench
{
    public const string Keyspace = "bench_peers";
    public const string Table = "orders_ours";

    /// Enough inserts for tiered JIT to reach its optimized code before the clock starts (cassandra-stress warms
    /// up with 50,000 operations of its own before it measures).
    private const int Warmup = 20_000;

    public static async Task<CqlFigures> RunAsync(string contactPoint, int rows, int concurrency, CancellationToken cancellationToken = default)
    {
        var options = new CqlSessionOptions { Consistency = CqlConsistency.Quorum };
        options.ContactPoints.Add(contactPoint);
        await using var session = await CqlSession.ConnectAsync(options, cancellationToken: cancellationToken);
        await CreateScratchTableAsync(session, cancellationToken);
        var insert = await session.PrepareAsync(
            $"INSERT INTO {Keyspace}.{Table} (customer_id, order_id, order_purchase_timestamp, order_status, order_approved_at, "
            + "order_delivered_carrier_date, order_delivered_customer_date, order_estimated_delivery_date, orderhour, orderdayofweek) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", cancellationToken);

        var data = MakeRows(rows + Warmup, seed: 42);
        await InsertAsync(session, insert, data, 0, Warmup, concurrency, null, cancellationToken);

        var latencies = new double[rows];
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await InsertAsync(session, insert, data, Warmup, rows, concurrency, latencies, cancellationToken);
        clock.Stop();
        self.Refresh();
        var cpu = self.TotalProcessorTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        var summary = LatencySummary.Of(latencies);
        return new CqlFigures("ours (CqlSession)", $"concurrency {concurrency}", rows, clock.Elapsed.TotalSeconds, rows / clock.Elapsed.TotalSeconds)
        {
            P50Ms = summary.P50,
            P99Ms = summary.P99,
            AllocatedBytesPerInsert = (double)allocated / rows,
            CpuMicrosecondsPerInsert = cpu.TotalMicroseconds / rows,
        };
    }

    private static async Task CreateScratchTableAsync(CqlSession session, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync(
            $"CREATE KEYSPACE IF NOT EXISTS {Keyspace} WITH replication = {{'class': 'SimpleStrategy', 'replication_factor': 1}}",
            cancellationToken);
        await session.ExecuteAsync(
            $"CREATE TABLE IF NOT EXISTS {Keyspace}.{Table} (customer_id uuid, order_id uuid, order_purchase_timestamp timestamp, "
            + "order_status text, order_approved_at timestamp, order_delivered_carrier_date timestamp, "
            + "order_delivered_customer_date timestamp, order_estimated_delivery_date timestamp, orderhour int, orderdayofweek text, "
            + "PRIMARY KEY ((customer_id), order_id, order_purchase_timestamp))", cancellationToken);
        await session.ExecuteAsync($"TRUNCATE {Keyspace}.{Table}", cancellationToken);
    }

    private static Task InsertAsync(CqlSession session, PreparedStatement insert, object?[][] data, int start, int count,
        int concurrency, double[]? latencies, CancellationToken cancellationToken) =>
        InFlightWorkers.RunAsync(count, concurrency, i => session.ExecuteAsync(insert.Bind(data[start + i]), cancellationToken), latencies,
            cancellationToken);

    private static object?[][] MakeRows(int count, int seed)
    {
        string[] statuses = ["delivered", "shipped", "canceled", "invoiced", "processing", "unavailable", "approved"];
        var random = new Random(seed);
        var origin = new DateTime(2017, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var rows = new object?[count][];
        Span<byte> id = stackalloc byte[16];
        for (var i = 0; i < count; i++)
        {
            var bought = origin.AddSeconds(random.Next(0, 600 * 86400));
            var approved = bought.AddMinutes(random.Next(5, 2000));
            var carrier = approved.AddHours(random.Next(10, 200));
            var delivered = carrier.AddHours(random.Next(24, 400));
            random.NextBytes(id);
            var customer = new Guid(id);
            random.NextBytes(id);
            var order = new Guid(id);
            rows[i] =
            [
                customer, order, bought, statuses[random.Next(statuses.Length)], approved, carrier, delivered,
                bought.AddDays(random.Next(10, 40)), bought.Hour, bought.DayOfWeek.ToString(),
            ];
        }

        return rows;
    }
}
