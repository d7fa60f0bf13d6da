using System.Globalization;
using System.Text;
using OrderPipeline.Orders;
using OrderPipeline.Orders.Csv;
using OrderPipeline.Orders.Generation;
using OrderPipeline.Orders.Json;

namespace OrderPipeline.Bench.Peers;

/// The inputs every contender reads: a generated orders CSV (the Orders domain's generator, the same one behind
/// `orderpipeline generate`), and for kcat the exact messages our producer sends (same cleaning, same key,
/// same JSON bytes), one "key TAB json" line each.
public static class BenchInputs
{
    public static string GenerateCsv(BenchEnvironment environment, long rows, int seed, CancellationToken cancellationToken = default)
    {
        var file = Path.Combine(environment.WorkDirectory, string.Create(CultureInfo.InvariantCulture, $"orders-{rows}-{seed}.csv"));
        if (!File.Exists(file))
        {
            var partial = file + ".partial";
            OrderGenerator.WriteFile(partial, rows, seed, cancellationToken: cancellationToken);
            File.Move(partial, file, overwrite: true);
        }

        return file;
    }

    public static (string File, long Messages) WriteKcatMessages(BenchEnvironment environment, string csv, CancellationToken cancellationToken = default)
    {
        var file = Path.Combine(environment.WorkDirectory, Path.GetFileNameWithoutExtension(csv) + ".kcat.tsv");
        long count = 0;
        using var output = new StreamWriter(file, append: false, new UTF8Encoding(false));
        foreach (var record in OrderFile.ReadCleaned(csv, new CleaningSummary(), cancellationToken))
        {
            if (record.Order is { } order)
            {
                output.Write(order.KafkaKey);
                output.Write('\t');
                output.Write(OrderJson.Serialize(order));
                output.Write('\n');
                count++;
            }
        }

        return (file, count);
    }
}
