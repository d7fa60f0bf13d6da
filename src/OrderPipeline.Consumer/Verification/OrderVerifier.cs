using OrderPipeline.Consumer.Writing;
using OrderPipeline.Orders;
using OrderPipeline.Orders.Csv;

namespace OrderPipeline.Consumer.Verification;

/// <summary>The outcome of <see cref="OrderVerifier.VerifyAsync"/>: the file's cleaning counts and the reconciliation.</summary>
public sealed record VerificationReport(CleaningSummary Cleaning, ReconciliationResult Result);

/// <summary>
/// Checks a CSV file against the <c>orders</c> table: the file is read with the producer's cleaning rules (so the
/// expected set is exactly what a correct pipeline stores), the table is read in full (a paged scan at QUORUM by
/// the caller's <see cref="IOrderTableReader"/>), and every row is reconciled. Used by <c>verify</c> and by the
/// chaos scenarios for their lost/duplicated counts, so those never come from the pipeline's own counters.
/// </summary>
public static class OrderVerifier
{
    public static async Task<VerificationReport> VerifyAsync(
        string csvPath, IOrderTableReader table, int maxDifferences = 10, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        var cleaning = new CleaningSummary();
        var reconciliation = new Reconciliation(maxDifferences);
        foreach (var record in OrderFile.ReadCleaned(csvPath, cleaning, cancellationToken))
        {
            if (record.Order is { } order)
            {
                reconciliation.Expect(OrderRow.From(order));
            }
        }

        await foreach (var row in table.ScanAsync(cancellationToken))
        {
            reconciliation.Observe(row);
        }

        return new VerificationReport(cleaning, reconciliation.Finish());
    }
}

/// <summary>Reads every row of the <c>orders</c> table (paged, at QUORUM).</summary>
public interface IOrderTableReader
{
    IAsyncEnumerable<OrderRow> ScanAsync(CancellationToken cancellationToken);
}
