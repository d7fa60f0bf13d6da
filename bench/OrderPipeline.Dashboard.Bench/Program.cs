// Dashboard at scale: loads N synthetic orders into orders_by_day of a bench keyspace (unless --skip-load),
// starts the dashboard on loopback against it and times the first analytics pass and the page's requests.
//   dotnet run -c Release --project bench/OrderPipeline.Dashboard.Bench -- --contact-points 127.0.40.1 --rows 1000000
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OrderPipeline.Cql;
using OrderPipeline.Dashboard;
using OrderPipeline.Dashboard.Analytics;
using OrderPipeline.Dashboard.Data;
using OrderPipeline.Dashboard.Tests.Integration;
using OrderPipeline.Orders;
using OrderPipeline.Orders.Csv;
using OrderPipeline.Orders.Generation;

string Arg(string name, string fallback) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;

var contact = Arg("--contact-points", "127.0.0.1");
var keyspace = Arg("--keyspace", "dash_bench");
var rows = long.Parse(Arg("--rows", "1000000"), CultureInfo.InvariantCulture);
var skipLoad = args.Contains("--skip-load");
var root = Directory.GetCurrentDirectory();

var cql = new CqlSessionOptions { ContactPoints = [contact], RequestTimeout = TimeSpan.FromSeconds(30) };
await using (var session = await CqlSession.ConnectAsync(cql, NullLoggerFactory.Instance))
{
    if (!skipLoad)
    {
        await OrdersLoader.CreateSchemaAsync(session, Path.Combine(root, "schema", "ecommerce.cql"), keyspace);
        var csv = Path.Combine(Path.GetTempPath(), $"dash-bench-{rows}.csv");
        if (!File.Exists(csv))
        {
            OrderGenerator.WriteFile(csv, rows, seed: 1);
        }

        var load = Stopwatch.StartNew();
        var orders = OrderFile.ReadCleaned(csv, new CleaningSummary()).Where(r => r.IsValid).Select(r => r.Order!);
        var written = await OrdersLoader.WriteAsync(session, keyspace, orders, byDayOnly: true);
        Console.WriteLine($"loaded {written:N0} orders into {keyspace}.orders_by_day in {load.Elapsed.TotalSeconds:0.0} s");
    }
}

var options = new DashboardOptions { Keyspace = keyspace, AnalyticsInterval = TimeSpan.FromMinutes(10) };
var sessions = new CqlSessionProvider(cql, NullLoggerFactory.Instance);
await using var app = DashboardApp.Build(options, ["http://127.0.0.1:0"], services =>
{
    services.AddSingleton(sessions);
    services.AddSingleton<IOrderStore>(new CqlOrderStore(sessions, keyspace));
});
await app.StartAsync();
var cache = app.Services.GetRequiredService<AnalyticsCache>();
using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

var started = Stopwatch.StartNew();
await cache.NextPassAsync();
var snapshot = cache.Snapshot ?? throw new InvalidOperationException("first pass failed: " + cache.LastError);
Console.WriteLine($"first analytics pass: {snapshot.TotalOrders:N0} orders over {snapshot.Days} days in {snapshot.RefreshSeconds:0.00} s " +
    $"(ready {started.Elapsed.TotalSeconds:0.0} s after start); process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB");

string[] page = ["/", "/app.css", "/app.js", "/api/health", "/api/analytics",
    "/api/charts/per-day.svg", "/api/charts/hour.svg", "/api/charts/weekday.svg", "/api/charts/status.svg", "/api/charts/delay.svg"];
var loads = new List<double>();
for (var i = 0; i < 20; i++)
{
    var one = Stopwatch.StartNew();
    foreach (var path in page)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        _ = await response.Content.ReadAsByteArrayAsync();
    }

    loads.Add(one.Elapsed.TotalMilliseconds);
}

var cold = loads[0];
loads.Sort();
Console.WriteLine($"page (10 requests, sequential) with {snapshot.TotalOrders:N0} orders: first (cold) {cold:0.0} ms, " +
    $"min {loads[0]:0.0} ms, median {loads[loads.Count / 2]:0.0} ms, max {loads[^1]:0.0} ms over {loads.Count} loads");
await app.StopAsync();
await sessions.DisposeAsync();
