using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OrderPipeline.Dashboard.Analytics;
using OrderPipeline.Dashboard.Data;
using OrderPipeline.Dashboard.Health;

namespace OrderPipeline.Dashboard.Tests.Fakes;

/// The real dashboard on Kestrel at 127.0.0.1 with an OS-chosen port, wired to the given store and probe.
public sealed class RunningDashboard : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningDashboard(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public AnalyticsCache Analytics => _app.Services.GetRequiredService<AnalyticsCache>();

    public HealthMonitor Health => _app.Services.GetRequiredService<HealthMonitor>();

    public static async Task<RunningDashboard> StartAsync(IOrderStore store, IKafkaProbe kafka, DashboardOptions? options = null)
    {
        options ??= new DashboardOptions
        {
            AnalyticsInterval = TimeSpan.FromMilliseconds(200),
            HealthInterval = TimeSpan.FromMilliseconds(200),
        };
        var app = DashboardApp.Build(options, ["http://127.0.0.1:0"], services =>
        {
            services.AddSingleton(store);
            services.AddSingleton(kafka);
        });
        await app.StartAsync();
        return new RunningDashboard(app, new Uri(app.Urls.First()));
    }

    /// Waits until an analytics pass has finished after this call, so its numbers reflect the store now.
    public async Task WaitForFreshAnalyticsAsync()
    {
        var pass = Analytics.NextPassAsync();
        await pass.WaitAsync(TimeSpan.FromSeconds(60));
        await Analytics.NextPassAsync().WaitAsync(TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
