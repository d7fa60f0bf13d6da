using System.Diagnostics;
using OrderPipeline.Chaos.Corpora;
using OrderPipeline.Chaos.Framework;
using OrderPipeline.Kafka;
using OrderPipeline.Orders;
using OrderPipeline.Orders.Csv;
using OrderPipeline.Producer;
using OrderPipeline.Stack;

namespace OrderPipeline.Chaos.Scenarios;

/// Scenario 9: the malformed-CSV corpus (36 committed files plus a generated 10 MB field) through the real
/// producer, file by file into one topic, then `consume` into Cassandra. Each file's outcome (file-level
/// error, accepted count, rejected lines with reasons in the rejects file, duplicates, blank lines, and the
/// values of named orders as they arrive in Kafka) must be exactly its written expectation; the table must
/// then hold exactly the accepted orders.
public sealed class CsvCorpusScenario : IChaosScenario
{
    /// The issue asks for at least 25 malformed files.
    public const int MinimumFiles = 25;

    /// A rejected 10 MB row must not make the rejects file large (its raw text is cut).
    private const long MaxRejectsBytes = 64 * 1024;

    public int Number => 9;

    public string Name => "csv-corpus";

    public string Description => "malformed-CSV corpus through the real producer: each file's written outcome holds, only accepted orders stored";

    public StackTopology? Topology => ChaosTopologies.OneNode;

    public async Task<ScenarioResult> RunAsync(ChaosContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var clock = Stopwatch.StartNew();
        var names = await context.CreatePipelineAsync("corpus", cancellationToken);
        var folder = Path.Combine(context.WorkDirectory, "corpus");
        Directory.CreateDirectory(folder);
        var files = CorpusFile.All();
        var kafka = context.Kafka;
        kafka.Topic = names.Topic;
        // Probed once here: the auto probe waits out an ApiVersions request Kafka 0.9 never answers, once per run.
        kafka.Profile = (await context.KafkaCapabilitiesAsync(cancellationToken)).Profile.ToConfigName();
        var producer = new OrderFileProducer(kafka);

        var runs = new List<(CorpusFile File, string Csv, string Rejects, ProduceResult? Result, string? Error, IReadOnlyList<long> Before, IReadOnlyList<long> After)>();
        foreach (var file in files)
        {
            var csv = Path.Combine(folder, file.Name);
            await File.WriteAllBytesAsync(csv, file.Content, cancellationToken);
            var rejects = Path.ChangeExtension(csv, ".rejects.csv");
            var before = await context.EndOffsetsAsync(names.Topic, KafkaTopicsDefaults.OrdersPartitions, cancellationToken);
            ProduceResult? result = null;
            string? error = null;
            try
            {
                result = await producer.RunAsync(new ProduceRequest { CsvPath = csv, RejectsPath = rejects }, new ProduceStats(), cancellationToken);
            }
            catch (OrderCsvFormatException ex)
            {
                error = ex.Message;
            }

            var after = await context.EndOffsetsAsync(names.Topic, KafkaTopicsDefaults.OrdersPartitions, cancellationToken);
            runs.Add((file, csv, rejects, result, error, before, after));
        }

        context.Log($"{files.Count} corpus files produced into {names.Topic}");
        var records = await context.ReadTopicAsync(names.Topic, KafkaTopicsDefaults.OrdersPartitions, cancellationToken);
        var outcomes = runs.Select(r => new CorpusRun(r.File, r.Csv, r.Rejects, r.Result, r.Error,
            [.. records.Where(m => m.Offset >= r.Before[m.Partition] && m.Offset < r.After[m.Partition]).Select(m => m.Value)])).ToList();
        var wrong = outcomes.Select(o => (o.File.Name, Diffs: o.Differences())).Where(o => o.Diffs.Count > 0)
            .Select(o => $"{o.Name}: {string.Join("; ", o.Diffs)}").ToList();
        var big = outcomes.Single(o => o.File.Name == CorpusFile.TenMegabyteField().Name);
        var bigRejects = File.Exists(big.RejectsPath) ? new FileInfo(big.RejectsPath).Length : 0;

        await using var consumer = context.Cli.StartConsume(names);
        await context.WaitForDrainedAsync(names, ScenarioTimeouts.Stored, cancellationToken);
        var stopped = await consumer.StopAsync(ScenarioTimeouts.Stop, cancellationToken);
        var parsed = outcomes.Where(o => o.Error is null).Select(o => o.CsvPath).ToList();
        var table = await CorpusTableCheck.RunAsync(context, names, parsed, cancellationToken);
        var deadLetters = await context.ReadDeadLettersAsync(names, cancellationToken);

        return new ScenarioResult
        {
            Number = Number,
            Name = Name,
            OrdersIn = outcomes.Sum(o => o.Result?.Cleaning.RowsRead ?? 0),
            Stored = table.Matched,
            DeadLettered = deadLetters.Count,
            Rejected = outcomes.Sum(o => o.Result?.Cleaning.Rejected ?? 0),
            Lost = table.Missing,
            // Every message of this topic is a valid order, so any dead letter is a valid order dead-lettered.
            Duplicated = table.ExtraRows + deadLetters.Count,
            Elapsed = clock.Elapsed,
            Checks =
            [
                ScenarioCheck.That($"at least {MinimumFiles} corpus files", files.Count >= MinimumFiles, $"{files.Count} files"),
                ScenarioCheck.That("every file has exactly its written outcome", wrong.Count == 0,
                    wrong.Count == 0 ? $"{files.Count} of {files.Count}" : string.Join(" | ", wrong)),
                ScenarioCheck.That("the 10 MB field's rejects entry stays small", bigRejects is > 0 and < MaxRejectsBytes, $"{bigRejects} bytes"),
                ScenarioCheck.That("every stored row equals its input order", table.Mismatched == 0, table.Describe()),
                ScenarioCheck.That("no row that is not an accepted order", table.Unexpected == 0, table.Describe()),
                ScenarioCheck.That("the consumer drained the topic and stopped cleanly", stopped.ExitCode == 0, $"exit {stopped.ExitCode}"),
            ],
        };
    }
}
