using System.Diagnostics;
using System.Globalization;
using System.Text;
using OrderPipeline.Consumer.Cassandra;
using OrderPipeline.Consumer.Verification;
using OrderPipeline.Consumer.Writing;
using OrderPipeline.Orders;
using OrderPipeline.Orders.Csv;
using OrderPipeline.Producer;

namespace OrderPipeline.Chaos.Framework;

/// The independent reconciliation and the waits built on it.
public sealed partial class ChaosContext
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// Reconciles the input files (read in order with the producer's cleaning rules; a later file's version of an
    /// order replaces an earlier one, as the upserts do) against the keyspace's orders table and the
    /// dead-letter topic.
    public async Task<ChaosReconciliation> ReconcileAsync(PipelineNames names, IReadOnlyList<string> csvPaths,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(csvPaths);
        var reconciliation = new Reconciliation(maxDifferences: 5);
        var validKeys = new HashSet<string>(StringComparer.Ordinal);
        long rows = 0, rejected = 0;
        foreach (var path in csvPaths)
        {
            var cleaning = new CleaningSummary();
            foreach (var record in OrderFile.ReadCleaned(path, cleaning, cancellationToken))
            {
                if (record.Order is { } order)
                {
                    reconciliation.Expect(OrderRow.From(order));
                    validKeys.Add(Encoding.ASCII.GetString(OrderMessageEncoding.Key(order)));
                }
            }

            rows += cleaning.RowsRead;
            rejected += cleaning.Rejected;
        }

        var cassandra = await CassandraAsync(cancellationToken);
        await foreach (var row in new CqlOrderTableReader(cassandra, names.Keyspace).ScanAsync(cancellationToken))
        {
            reconciliation.Observe(row);
        }

        var deadLetters = await ReadDeadLettersAsync(names, cancellationToken);
        var ofValid = deadLetters.LongCount(d => d.OriginalKey() is { } key && validKeys.Contains(Encoding.UTF8.GetString(key)));
        var result = new ChaosReconciliation(rows, rejected, reconciliation.Finish(), deadLetters, ofValid);
        Log($"reconciled: {result.Stored} stored, {result.Lost} lost, {result.Duplicated} duplicated, {deadLetters.Count} dead letters");
        return result;
    }

    /// Reconciles one input file.
    public Task<ChaosReconciliation> ReconcileAsync(PipelineNames names, string csvPath, CancellationToken cancellationToken = default) =>
        ReconcileAsync(names, [csvPath], cancellationToken);

    /// Rows in the keyspace's orders table (count at QUORUM).
    public async Task<long> CountStoredAsync(PipelineNames names, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(names);
        var cassandra = await CassandraAsync(cancellationToken);
        var rows = await cassandra.QueryAsync($"SELECT count(*) FROM {names.Keyspace}.orders", cancellationToken);
        return long.Parse(rows.Rows[0][0], CultureInfo.InvariantCulture);
    }

    /// Polls the row count until it reaches <paramref name="atLeast"/>; returns how long that took. Throws
    /// <see cref="TimeoutException"/> past <paramref name="timeout"/>, with the count it saw.
    public async Task<TimeSpan> WaitForStoredAsync(PipelineNames names, long atLeast, TimeSpan timeout,
        CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        long count;
        while ((count = await CountStoredAsync(names, cancellationToken)) < atLeast)
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"only {count} of {atLeast} orders stored after {timeout.TotalSeconds:0} s");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        return clock.Elapsed;
    }
}
