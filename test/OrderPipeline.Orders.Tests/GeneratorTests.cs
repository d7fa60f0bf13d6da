using OrderPipeline.Orders.Csv;
using OrderPipeline.Orders.Generation;

namespace OrderPipeline.Orders.Tests;

public class GeneratorTests
{
    private static string Generate(long rows, int seed)
    {
        using var writer = new StringWriter();
        OrderGenerator.Write(writer, rows, seed);
        return writer.ToString();
    }

    [Fact]
    public void Should_BeDeterministic_When_SeedIsTheSame()
    {
        Assert.Equal(Generate(500, 7), Generate(500, 7));
        Assert.NotEqual(Generate(500, 7), Generate(500, 8));
    }

    [Fact]
    public void Should_WriteTheDatasetFormat_With_TheQuotingQuirk()
    {
        var lines = Generate(2000, 1).Split('\n');
        Assert.Equal(File.ReadLines(TestFiles.SamplePath).First(), lines[0]);
        Assert.Equal("", lines[^1]);
        foreach (var line in lines[1..^1])
        {
            var fields = line.Split(',');
            Assert.Equal(8, fields.Length);
            foreach (var id in fields[..2])
            {
                var quoted = id.StartsWith('"');
                Assert.Equal(quoted ? 34 : 32, id.Length);
                Assert.Equal(quoted, char.IsAsciiDigit(id.Trim('"')[0]));
            }
        }
    }

    [Fact]
    public void Should_ProduceOnlyValidUniqueOrders_With_RealisticStatusesAndEmptyPatterns()
    {
        var path = TestFiles.TempFile();
        try
        {
            OrderGenerator.WriteFile(path, 50_000, 42);
            var summary = new CleaningSummary();
            var orders = OrderFile.ReadCleaned(path, summary).Select(r => r.Order!).ToList();
            Assert.Equal(50_000, summary.Accepted);
            Assert.Equal(0, summary.Rejected);
            Assert.Equal(0, summary.DuplicatesSuperseded);

            var share = orders.GroupBy(o => o.Status).ToDictionary(g => g.Key, g => g.Count() / 50_000.0);
            Assert.InRange(share["delivered"], 0.955, 0.985);
            Assert.InRange(share["shipped"], 0.007, 0.016);
            Assert.InRange(share["canceled"], 0.003, 0.01);
            Assert.All(orders.Where(o => o.Status == "shipped"), o => Assert.Null(o.DeliveredCustomerDate));
            Assert.All(orders.Where(o => o.Status is "invoiced" or "processing" or "unavailable"),
                o => Assert.True(o.DeliveredCarrierDate is null && o.DeliveredCustomerDate is null));
            Assert.Contains(orders, o => o.Status == "canceled" && o.ApprovedAt is null);
            Assert.Contains(orders, o => o.DeliveredCarrierDate is { Second: 0 });
            Assert.All(orders, o => Assert.Equal(TimeSpan.Zero, o.EstimatedDeliveryDate!.Value.TimeOfDay));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Should_StreamWithoutGrowingMemory_When_RowsIncrease()
    {
        // Allocation per row must not depend on the row count (no buffering of the output).
        static long AllocatedFor(long rows)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            OrderGenerator.Write(TextWriter.Null, rows, 3);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        AllocatedFor(1000);
        Assert.True(AllocatedFor(200_000) < 1_000_000, "the generator allocates per row");
    }
}
