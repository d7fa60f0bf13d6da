using OrderPipeline.Dashboard.Analytics;
using OrderPipeline.Dashboard.Charts;
using OrderPipeline.Dashboard.Report;
using OrderPipeline.Dashboard.Tests.Fakes;

namespace OrderPipeline.Dashboard.Tests.Unit;

public class ReportWriterTests
{
    [Fact]
    public void Should_WritePngPerChartAndSummary()
    {
        // Given a small snapshot
        var acc = new OrderAccumulator();
        acc.Add("2017-10-02", TestOrders.Make("2017-10-02 10:56:33", delivered: "2017-10-20", estimated: "2017-10-18"));
        acc.Add("2017-10-05", TestOrders.Make("2017-10-05 08:00:00", status: "shipped"));
        var snapshot = acc.ToSnapshot(DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(1));
        var dir = Path.Combine(Path.GetTempPath(), "op-report-" + Guid.NewGuid().ToString("N"));

        try
        {
            // When the report is written
            var files = ReportWriter.Write(snapshot, dir);

            // Then every chart is a real PNG and the summary states the totals and links the charts
            Assert.Equal(DashboardCharts.Names.Count + 1, files.Count);
            foreach (var name in DashboardCharts.Names)
            {
                var bytes = File.ReadAllBytes(Path.Combine(dir, name + ".png"));
                Assert.True(bytes.Length > 2000, $"{name}.png is only {bytes.Length} bytes");
                Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
            }

            var summary = File.ReadAllText(Path.Combine(dir, ReportWriter.SummaryFile));
            Assert.Contains("| orders stored | 2 |", summary, StringComparison.Ordinal);
            Assert.Contains("| delivered late | 1 (100.0 %) |", summary, StringComparison.Ordinal);
            Assert.Contains("![status](status.png)", summary, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
