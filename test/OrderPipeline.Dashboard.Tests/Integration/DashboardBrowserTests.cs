using OrderPipeline.Dashboard.Tests.Browser;
using OrderPipeline.Dashboard.Tests.Fakes;

namespace OrderPipeline.Dashboard.Tests.Integration;

/// A person's view: real Chromium on the real dashboard with the sample in real Cassandra.
[Trait("Category", "Integration")]
[Collection(SampleDataGroup.Name)]
public sealed class DashboardBrowserTests(SampleDataFixture data)
{
    [Fact]
    public async Task Should_ShowStoredTotalsAndCharts_And_RunSelect()
    {
        var (dash, sessions, kafka) = await CqlDashboard.StartAsync(data.Cql(), data.Keyspace, data.Stack.BootstrapServers);
        try
        {
            await using var chromium = await HeadlessChromium.LaunchAsync();
            var page = new DashboardPageDriver(await chromium.Browser.NewPageAsync());

            // When the page is opened and its charts are drawn
            await page.OpenAsync(dash.Address);
            await page.WaitForChartsAsync();

            // Then the totals shown, and the sum of each chart's bars, equal Cassandra's count
            Assert.Equal(data.DirectCount, await page.OrdersShownAsync());
            Assert.Equal(data.DirectCount, await page.ChartTotalAsync("hour"));
            Assert.Equal(data.DirectCount, await page.ChartTotalAsync("weekday"));
            Assert.Equal(data.DirectCount, await page.ChartTotalAsync("status"));

            // And a SELECT typed in the query box shows its rows
            var rows = await page.RunQueryAsync(
                $"SELECT purchase_day, order_id, order_status, order_purchase_timestamp FROM {data.Keyspace}.orders_by_day LIMIT 8");
            Assert.Equal(8, rows);

            // And a statement that is not a SELECT is refused with a message
            Assert.Equal(-1, await page.RunQueryAsync($"TRUNCATE {data.Keyspace}.orders_by_day"));
            Assert.Contains("'TRUNCATE' is refused", await page.QueryErrorAsync(), StringComparison.Ordinal);
            await page.RunQueryAsync(
                $"SELECT purchase_day, order_id, order_status, order_purchase_timestamp FROM {data.Keyspace}.orders_by_day LIMIT 8");

            // The tracked docs/images/dashboard.png is refreshed on purpose (copy this file), never by a test run.
            var shot = Path.Combine(AppContext.BaseDirectory, "screenshots", "dashboard.png");
            Directory.CreateDirectory(Path.GetDirectoryName(shot)!);
            await page.ScreenshotAsync(shot);
            Assert.True(new FileInfo(shot).Length > 20_000);
        }
        finally
        {
            await dash.DisposeAsync();
            await sessions.DisposeAsync();
            kafka.Dispose();
        }
    }
}
