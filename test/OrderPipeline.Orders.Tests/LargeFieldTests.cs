using OrderPipeline.Orders.Csv;

namespace OrderPipeline.Orders.Tests;

/// A huge field costs only its own row. The rest of the malformed-CSV corpus is checked against its written
/// expectations where it ships, in OrderPipeline.Chaos.Tests (CorpusCleaningTests).
public class LargeFieldTests
{
    [Fact]
    public void Should_RejectOnlyTheRow_When_AFieldIs10MB()
    {
        // Generated here, not committed: a 10 MB order id between two valid rows.
        var path = TestFiles.TempFile();
        try
        {
            var lines = File.ReadLines(TestFiles.SamplePath).Take(3).ToList();
            using (var writer = new StreamWriter(path))
            {
                writer.Write(lines[0] + "\n" + lines[1] + "\n");
                writer.Write(new string('a', 10 * 1024 * 1024));
                writer.Write(lines[2][lines[2].IndexOf(',', StringComparison.Ordinal)..] + "\n");
                writer.Write(lines[2] + "\n");
            }

            var summary = new CleaningSummary();
            var records = OrderFile.ReadCleaned(path, summary).ToList();
            Assert.Equal(2, summary.Accepted);
            var bad = Assert.Single(records, r => !r.IsValid);
            Assert.Equal(3, bad.LineNumber);
            Assert.Equal(RejectReason.BadOrderId, bad.Rejection!.Reason);
            Assert.True(bad.Rejection.Detail.Length < 200, "the detail must not carry the 10 MB value");
            Assert.Equal(Rejection.MaxRawLength, bad.Rejection.RawText!.Length);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
