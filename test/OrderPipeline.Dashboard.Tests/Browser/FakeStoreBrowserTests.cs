using OrderPipeline.Dashboard.Tests.Fakes;

namespace OrderPipeline.Dashboard.Tests.Browser;

/// The page's own behaviour in real Chromium (rendering, polling, the query box, the "down" banner),
/// against the in-memory store. Needs Chromium, so it runs with the integration set.
[Trait("Category", "Integration")]
public class FakeStoreBrowserTests
{
    [Fact]
    public async Task Should_ShowBannerAndRecover_When_CassandraGoesDownAndBack()
    {
        var store = new FakeOrderStore().Add(TestOrders.Make("2017-10-02 10:56:33"));
        await using var dash = await RunningDashboard.StartAsync(store, new FakeKafkaProbe());
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var page = new DashboardPageDriver(await chromium.Browser.NewPageAsync());
        await page.OpenAsync(dash.Address);
        await page.WaitForChartsAsync();
        Assert.Equal(1, await page.OrdersShownAsync());

        store.Down = true;
        await page.Page.WaitForSelectorAsync("#banner:not([hidden])", new() { Timeout = 20_000 });
        var banner = await page.Page.InnerTextAsync("#banner");
        Assert.Contains("Cassandra is unreachable", banner, StringComparison.Ordinal);
        Assert.DoesNotContain(" at OrderPipeline.", banner, StringComparison.Ordinal);
        await page.ScreenshotAsync(Path.Combine(Path.GetTempPath(), "dashboard-down.png"));

        store.Down = false;
        await page.Page.WaitForSelectorAsync("#banner[hidden]", new() { State = Microsoft.Playwright.WaitForSelectorState.Attached, Timeout = 20_000 });
    }

    [Fact]
    public async Task Should_ShowMessage_When_QueryIsNotSelect()
    {
        await using var dash = await RunningDashboard.StartAsync(new FakeOrderStore().Add(TestOrders.Make("2017-10-02 10:56:33")), new FakeKafkaProbe());
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var page = new DashboardPageDriver(await chromium.Browser.NewPageAsync());
        await page.OpenAsync(dash.Address);

        var rows = await page.RunQueryAsync("DROP TABLE ecommerce.orders");

        Assert.Equal(-1, rows);
        Assert.Contains("'DROP' is refused", await page.QueryErrorAsync(), StringComparison.Ordinal);
    }
}
