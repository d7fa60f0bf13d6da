using System.Globalization;
using System.Text.Json;
using OrderPipeline.Bench.Processes;
using OrderPipeline.Bench.Suites;

namespace OrderPipeline.Bench.Peers;

/// The CQL insert peers from bench/peers: the DataStax Python driver (execute_concurrent_with_args) and the
/// cassandra-stress tool bundled with Cassandra 2.1. Each prints one JSON object as its last line.
public sealed class CqlPeers(BenchEnvironment environment)
{
    public async Task<CqlFigures> PythonDriverAsync(int rows, int concurrency, CancellationToken cancellationToken = default)
    {
        var result = await ChildProcess.RunAsync(environment.Python,
        [
            Path.Combine(environment.PeersDirectory, "python_driver_insert.py"), "--host", environment.ContactPoint,
            "--rows", rows.ToString(CultureInfo.InvariantCulture), "--concurrency", concurrency.ToString(CultureInfo.InvariantCulture),
            "--consistency", "QUORUM",
        ], cancellationToken);
        using var json = LastJson(result, "python_driver_insert.py");
        var root = json.RootElement;
        if (root.TryGetProperty("errors", out var errors) && errors.GetInt64() != 0)
        {
            throw new BenchException($"python_driver_insert.py reported {errors.GetInt64()} failed inserts.");
        }

        return new CqlFigures("DataStax Python driver", $"execute_concurrent, concurrency {concurrency}", root.GetProperty("rows").GetInt64(),
            root.GetProperty("seconds").GetDouble(), root.GetProperty("rows_per_s").GetDouble())
        {
            P50Ms = root.GetProperty("p50_ms").GetDouble(),
            P99Ms = root.GetProperty("p99_ms").GetDouble(),
        };
    }

    public async Task<CqlFigures> CassandraStressAsync(int rows, int threads, CancellationToken cancellationToken = default)
    {
        var result = await ChildProcess.RunAsync("bash",
        [
            Path.Combine(environment.PeersDirectory, "cassandra_stress.sh"), "--node", environment.ContactPoint,
            "--n", rows.ToString(CultureInfo.InvariantCulture), "--threads", threads.ToString(CultureInfo.InvariantCulture), "--cl", "QUORUM",
            // Issue 3's reference command (write n=... cl=QUORUM -mode native cql3 prepared), as the table note says.
            "--workload", "write",
            "--log", Path.Combine(environment.WorkDirectory, $"cassandra-stress-{threads}-{DateTime.UtcNow:HHmmss}.log"),
        ], cancellationToken);
        using var json = LastJson(result, "cassandra_stress.sh");
        var root = json.RootElement;
        return new CqlFigures("cassandra-stress", $"threads {threads}", root.GetProperty("n").GetInt64(),
            root.GetProperty("seconds").GetDouble(), root.GetProperty("op_rate").GetDouble())
        {
            P50Ms = root.GetProperty("latency_median_ms").GetDouble(),
            P99Ms = root.GetProperty("latency_99_ms").GetDouble(),
        };
    }

    private static JsonDocument LastJson(ProcessResult result, string what)
    {
        var line = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .LastOrDefault(l => l.StartsWith('{'));
        if (result.ExitCode != 0 || line is null)
        {
            throw new BenchException($"{what} failed (exit {result.ExitCode}): {BenchLine.Tail(result)}");
        }

        return JsonDocument.Parse(line);
    }
}
