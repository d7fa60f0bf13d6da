using System.Diagnostics;
using OrderPipeline.Bench.Stats;
using OrderPipeline.Bench.Suites;
using OrderPipeline.Consumer;
using OrderPipeline.Consumer.Cassandra;
using OrderPipeline.Consumer.Writing;
using OrderPipeline.Orders;
using OrderPipeline.Orders.Csv;

namespace OrderPipeline.Bench.Cql;

/// The Cassandra ceiling of `consume`: the orders of the pipeline's input written exactly as the consumer writes
/// them (its own <see cref="CassandraOrderStore"/>: one upsert into orders and one into orders_by_day per order,
/// the statement of the order's null pattern, USING TIMESTAMP, QUORUM), as many orders in flight as the consumer
/// allows, but with no Kafka, no JSON and no offset bookkeeping. Orders/s here is the most `consume` can reach on
/// this node; what it falls short by is the cost of everything around the writes. `bench cql` alone writes one
/// row per insert, so per order it measures half the work of this.
public static class ConsumerWritesBench
{
    public const string Keyspace = "bench_consumer_writes";

    /// Orders written before the clock starts, so tiered JIT and the node's own warm-up are behind us.
    private const int Warmup = 20_000;

    public static async Task<CqlFigures> RunAsync(string contactPoint, string csv, CancellationToken cancellationToken = default)
    {
        var concurrency = new ConsumerOptions().MaxInFlight;
        var rows = ReadRows(csv, cancellationToken);
        await using var cassandra = await CassandraAccess.ConnectAsync(contactPoint, TimeSpan.FromSeconds(15), cancellationToken);
        await SchemaApplier.ApplyAsync(cassandra, replicationFactor: 1, Keyspace, cancellationToken);
        foreach (var table in new[] { "orders", "orders_by_day" })
        {
            await cassandra.ExecuteDdlAsync($"TRUNCATE {Keyspace}.{table}", cancellationToken);
        }

        var store = new CassandraOrderStore(cassandra, Keyspace);
        await store.PrepareAsync(cancellationToken);
        await WriteAsync(store, rows, Math.Min(Warmup, rows.Count), concurrency, null, cancellationToken);

        var latencies = new double[rows.Count];
        var clock = Stopwatch.StartNew();
        await WriteAsync(store, rows, rows.Count, concurrency, latencies, cancellationToken);
        clock.Stop();
        var summary = LatencySummary.Of(latencies);
        return new CqlFigures("ours, the consumer's writes", $"{concurrency} orders in flight, 2 inserts each", rows.Count,
            clock.Elapsed.TotalSeconds, rows.Count / clock.Elapsed.TotalSeconds)
        {
            P50Ms = summary.P50,
            P99Ms = summary.P99,
        };
    }

    private static List<OrderRow> ReadRows(string csv, CancellationToken cancellationToken)
    {
        var rows = new List<OrderRow>();
        foreach (var record in OrderFile.ReadCleaned(csv, new CleaningSummary(), cancellationToken))
        {
            if (record.Order is Order order)
            {
                rows.Add(OrderRow.From(order));
            }
        }

        return rows;
    }

    /// C orders in flight, as the consumer's write slots allow.
    private static Task WriteAsync(CassandraOrderStore store, List<OrderRow> rows, int count, int concurrency, double[]? latencies,
        CancellationToken cancellationToken) =>
        InFlightWorkers.RunAsync(count, concurrency, i => store.WriteAsync(rows[i], cancellationToken), latencies, cancellationToken);
}
