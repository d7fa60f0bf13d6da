using OrderPipeline.Chaos.Corpora;
using OrderPipeline.Orders;
using OrderPipeline.Orders.Csv;

namespace OrderPipeline.Chaos.Tests;

/// The malformed-CSV corpus read with the domain's cleaning alone (no servers): each file's outcome must be the
/// one its `.expected` sidecar states, checked with the same <see cref="CorpusExpectation"/> scenario 9 uses.
public class CorpusCleaningTests
{
    private static readonly Lazy<IReadOnlyList<CorpusFile>> Corpus = new(CorpusFile.All);

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Corpus.Value)
        {
            data.Add(file.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Should_MatchTheWrittenExpectation_When_Cleaned(string name)
    {
        // Given one corpus file on disk
        var file = Corpus.Value.Single(f => f.Name == name);
        var expected = file.Expected;
        var path = Path.Combine(Path.GetTempPath(), $"op-corpus-{Guid.NewGuid():N}.csv");
        File.WriteAllBytes(path, file.Content);
        try
        {
            if (expected.Error is not null)
            {
                // Then a file-level error refuses the whole file
                var ex = Assert.Throws<OrderCsvFormatException>(() => OrderFile.ReadCleaned(path, new CleaningSummary()).ToList());
                Assert.Contains(expected.Error, ex.Message, StringComparison.Ordinal);
                return;
            }

            // When it is read and cleaned
            var summary = new CleaningSummary();
            var records = OrderFile.ReadCleaned(path, summary).ToList();
            var orders = records.Where(r => r.IsValid).Select(r => r.Order!).ToList();
            var rejected = string.Join(' ', records.Where(r => !r.IsValid).Select(r => $"{r.LineNumber}:{r.Rejection!.Reason}"));

            // Then every stated count, reject and order property holds
            Assert.All(records.Where(r => !r.IsValid), r => Assert.Equal(r.LineNumber, r.Rejection!.LineNumber));
            Assert.NotNull(expected.Accepted);
            Assert.Equal(expected.Accepted, summary.Accepted);
            Assert.Equal(summary.Accepted, orders.Count);
            Assert.Equal(expected.Rejected ?? rejected, rejected);
            Assert.Equal(expected.Duplicates ?? summary.DuplicatesSuperseded, summary.DuplicatesSuperseded);
            Assert.Equal(expected.Blank ?? summary.BlankLines, summary.BlankLines);
            Assert.All(expected.Orders, spec => Assert.Null(CorpusExpectation.CheckOrder(orders, spec)));
            Assert.Equal(summary.RowsRead, summary.Accepted + summary.Rejected + summary.DuplicatesSuperseded);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
