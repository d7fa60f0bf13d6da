using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using OrderPipeline.Dashboard.Analytics;
using OrderPipeline.Dashboard.Charts;
using OrderPipeline.Dashboard.Data;
using OrderPipeline.Dashboard.Health;
using OrderPipeline.Dashboard.Query;

namespace OrderPipeline.Dashboard.Web;

/// The page and its JSON/SVG endpoints. Failures of Cassandra or Kafka become 503 with a plain sentence;
/// a refused query becomes 400 with the reason; nothing returns a stack trace.
internal static class DashboardEndpoints
{
    private const string RetryAfterSeconds = "5";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Asset("index.html"));
        app.MapGet("/app.js", () => Asset("app.js"));
        app.MapGet("/app.css", () => Asset("app.css"));

        app.MapGet("/api/health", (HealthMonitor health) => Results.Ok(health.Current));

        app.MapGet("/api/pipeline", (HealthMonitor health) =>
        {
            var report = health.Current;
            return report.Kafka.Reachable && report.Pipeline is { } pipeline
                ? Results.Ok(pipeline)
                : Unavailable($"Kafka is unreachable: {report.Kafka.Error} The dashboard keeps retrying.");
        });

        app.MapGet("/api/analytics", (AnalyticsCache cache) =>
            cache.Snapshot is { } snapshot ? Results.Ok(snapshot) : NoSnapshot(cache));

        app.MapGet("/api/charts/{name}.svg", (string name, AnalyticsCache cache) =>
        {
            if (!DashboardCharts.Names.Contains(name))
            {
                return Results.NotFound($"No chart named '{name}'. Charts: {string.Join(", ", DashboardCharts.Names)}.");
            }

            return cache.Snapshot is { } snapshot
                ? Results.Text(DashboardCharts.RenderSvg(name, snapshot)!, "image/svg+xml; charset=utf-8")
                : NoSnapshot(cache);
        });

        app.MapPost("/api/query", RunQueryAsync);
    }

    private static async Task<IResult> RunQueryAsync(
        QueryRequest? request,
        IOrderStore store,
        IOptions<DashboardOptions> options,
        CancellationToken cancellationToken)
    {
        var guard = SelectGuard.Check(request?.Statement);
        if (!guard.Accepted)
        {
            return Results.BadRequest(new { error = guard.Error });
        }

        var max = options.Value.MaxQueryRows;
        var limit = request?.Limit ?? 100;
        if (limit < 1 || limit > max)
        {
            return Results.BadRequest(new { error = $"The row limit must be between 1 and {max}." });
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await store.QueryAsync(guard.Statement!, limit, cancellationToken);
            return Results.Ok(new
            {
                columns = result.Columns,
                rows = result.Rows,
                truncated = result.Truncated,
                elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            });
        }
        catch (QueryFailedException ex)
        {
            return Results.BadRequest(new { error = ex.Message });
        }
        catch (StoreUnavailableException ex)
        {
            return Unavailable($"Cassandra is unreachable: {ex.Message}");
        }
    }

    private static PlainStatus NoSnapshot(AnalyticsCache cache) =>
        Unavailable(cache.LastError is { } error
            ? $"Analytics are unavailable: {error} The dashboard keeps retrying."
            : "Analytics are being computed for the first time; retry in a few seconds.");

    private static PlainStatus Unavailable(string message) => new PlainStatus(StatusCodes.Status503ServiceUnavailable, message);

    private static IResult Asset(string file) =>
        StaticAssets.Get(file) is { } bytes
            ? Results.Bytes(bytes, StaticAssets.ContentType(file))
            : Results.NotFound();

    /// A plain-text status with a Retry-After header, so browsers and scripts both know to come back.
    private sealed class PlainStatus(int statusCode, string message) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = statusCode;
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
            httpContext.Response.ContentType = "text/plain; charset=utf-8";
            return httpContext.Response.WriteAsync(message, httpContext.RequestAborted);
        }
    }
}
