using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderPipeline.Dashboard.Analytics;
using OrderPipeline.Dashboard.Data;
using OrderPipeline.Dashboard.Health;
using OrderPipeline.Dashboard.Web;

namespace OrderPipeline.Dashboard;

/// Builds the dashboard web application. The caller registers the <see cref="IOrderStore"/> (the CQL
/// one in production) and may replace the <see cref="IKafkaProbe"/>; everything else is wired here.
public static class DashboardApp
{
    public static WebApplication Build(
        DashboardOptions options,
        IEnumerable<string> urls,
        Action<IServiceCollection> registerServices)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(registerServices);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            // Production always: the developer exception page would show stack traces in the browser.
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls([.. urls]);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);

        var services = builder.Services;
        services.AddSingleton(Options.Create(options));
        services.TryAddSingleton(TimeProvider.System);
        registerServices(services);
        services.TryAddSingleton<IKafkaProbe, KafkaProbe>();
        services.AddSingleton(sp => new AnalyticsComputer(sp.GetRequiredService<IOrderStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<AnalyticsCache>();
        services.AddHostedService(sp => sp.GetRequiredService<AnalyticsCache>());
        services.AddSingleton<HealthMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<HealthMonitor>());

        var app = builder.Build();
        app.UseExceptionHandler(errors => errors.Run(context =>
        {
            // Log the details server-side; the browser gets one sentence.
            var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("OrderPipeline.Dashboard")
                .LogError(error, "Unhandled error for {Path}", context.Request.Path);
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            context.Response.ContentType = "text/plain; charset=utf-8";
            return context.Response.WriteAsync("Internal error in the dashboard; details are in its log.", context.RequestAborted);
        }));
        DashboardEndpoints.Map(app);
        return app;
    }
}
