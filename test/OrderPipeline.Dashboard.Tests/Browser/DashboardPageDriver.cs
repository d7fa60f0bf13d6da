using System.Globalization;
using Microsoft.Playwright;

namespace OrderPipeline.Dashboard.Tests.Browser;

/// What a person does on the page, as steps the browser tests share.
public sealed class DashboardPageDriver(IPage page)
{
    // A bar of height zero is drawn but not "visible" to Playwright: wait for presence, not visibility.
    private static readonly PageWaitForSelectorOptions Attached = new() { State = WaitForSelectorState.Attached, Timeout = 60_000 };

    public IPage Page => page;

    public async Task OpenAsync(Uri address)
    {
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync(address.ToString());
    }

    /// Waits until every chart has been drawn with at least one mark.
    public async Task WaitForChartsAsync()
    {
        try
        {
            await WaitForEveryChartAsync();
        }
        catch (TimeoutException ex)
        {
            // Say what the page showed instead: the banner usually names the cause.
            var banner = await page.InnerTextAsync("#banner");
            var charts = await page.ContentAsync();
            await ScreenshotAsync(Path.Combine(Path.GetTempPath(), "dashboard-failed.png"));
            throw new TimeoutException($"Charts not drawn. Banner: '{banner}'. Charts: {charts[..Math.Min(3000, charts.Length)]}", ex);
        }
    }

    private async Task WaitForEveryChartAsync()
    {
        foreach (var chart in new[] { "hour", "weekday", "status", "delay" })
        {
            await page.WaitForSelectorAsync($"[data-chart='{chart}'] svg rect.bar", Attached);
        }

        await page.WaitForSelectorAsync("[data-chart='per-day'] svg path.line", Attached);
    }

    public async Task<long> OrdersShownAsync()
    {
        var value = await page.GetAttributeAsync("#orders-stored", "data-value");
        return long.Parse(value!, CultureInfo.InvariantCulture);
    }

    /// Sum of the bars of one chart, read back from the drawn SVG.
    public async Task<double> ChartTotalAsync(string chart)
    {
        var values = await page.EvalOnSelectorAllAsync<double[]>(
            $"[data-chart='{chart}'] rect.bar",
            "bars => bars.map(b => Number(b.dataset.value))");
        return values.Sum();
    }

    public async Task<int> RunQueryAsync(string statement)
    {
        await page.EvaluateAsync("() => document.getElementById('query-result').removeAttribute('data-rows')");
        await page.FillAsync("#query-text", statement);
        await page.ClickAsync("#query-run");
        var done = await page.WaitForSelectorAsync("#query-result[data-rows], #query-error:not([hidden])", new() { Timeout = 30_000 });
        var rows = await done!.GetAttributeAsync("data-rows");
        return rows is null ? -1 : int.Parse(rows, CultureInfo.InvariantCulture);
    }

    public Task<string> QueryErrorAsync() => page.InnerTextAsync("#query-error");

    public Task ScreenshotAsync(string path) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
}
