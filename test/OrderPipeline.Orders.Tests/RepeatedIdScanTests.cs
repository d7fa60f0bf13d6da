using OrderPipeline.Orders.Csv;

namespace OrderPipeline.Orders.Tests;

public class RepeatedIdScanTests
{
    [Fact]
    public void Should_FindNoRepeatedIds_When_EveryIdIsUnique()
    {
        // Given the bundled sample (no duplicates)
        // When it is scanned
        var index = OrderFile.Scan(TestFiles.SamplePath);

        // Then nothing is repeated and every line's id is counted once
        Assert.Empty(index.RepeatedIds);
        var dataLines = File.ReadLines(TestFiles.SamplePath).Skip(1).Count(l => l.Trim().Length > 0);
        Assert.Equal(dataLines, index.DistinctIds);
    }

    [Fact]
    public void Should_ParseTheSameGuid_As_TheValidator()
    {
        // Given a file repeating one id in three forms, and lines longer than the scan's buffer
        var path = TestFiles.TempFile();
        try
        {
            var lines = File.ReadLines(TestFiles.SamplePath).Take(2).ToList();
            var header = lines[0];
            var row = lines[1];
            var id = row[..row.IndexOf(',', StringComparison.Ordinal)].Trim('"');
            var rest = row[row.IndexOf(',', StringComparison.Ordinal)..];
            File.WriteAllText(path,
                header + "\n" + new string('x', 3 << 20) + "\n" + id + rest + "\r\n" + $" \"{id.ToUpperInvariant()}\"" + rest + "\r" + id + rest);

            // When it is scanned
            var index = OrderFile.Scan(path);

            // Then the repeated id is the Guid the validator parses
            Assert.Equal([Guid.ParseExact(id, "N")], index.RepeatedIds);
            var summary = new CleaningSummary();
            var records = OrderFile.ReadCleaned(path, summary).ToList();
            Assert.Equal(1, summary.Accepted);
            Assert.Equal(2, summary.DuplicatesSuperseded);
            Assert.Equal(5, records.Single(r => r.IsValid).LineNumber);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
