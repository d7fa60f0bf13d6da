using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrderPipeline.Cql;
using OrderPipeline.Dashboard.Tests.Fakes;

namespace OrderPipeline.Dashboard.Tests.Integration;

/// The dashboard's JSON endpoints against real Cassandra and Kafka with the sample loaded: every number
/// must equal what Cassandra counts directly.
[Trait("Category", "Integration")]
[Collection(SampleDataGroup.Name)]
public sealed class DashboardStackTests(SampleDataFixture data) : IAsyncLifetime
{
    private RunningDashboard _dash = null!;
    private IAsyncDisposable _sessions = null!;
    private IDisposable _kafka = null!;

    public async Task InitializeAsync()
    {
        var (dash, sessions, kafka) = await CqlDashboard.StartAsync(data.Cql(), data.Keyspace, data.Stack.BootstrapServers);
        (_dash, _sessions, _kafka) = (dash, sessions, kafka);
        await _dash.WaitForFreshAnalyticsAsync();
    }

    public async Task DisposeAsync()
    {
        await _dash.DisposeAsync();
        await _sessions.DisposeAsync();
        _kafka.Dispose();
    }

    private async Task<JsonDocument> GetJsonAsync(string path) =>
        JsonDocument.Parse(await _dash.Client.GetStringAsync(new Uri(path, UriKind.Relative)));

    [Fact]
    public async Task Should_MatchDirectCounts_When_SampleLoaded()
    {
        // Given Cassandra's own count and a direct scan grouped by status and hour
        Assert.True(data.DirectCount > 3000, $"sample not loaded: {data.DirectCount} rows");
        var byStatus = new Dictionary<string, long>();
        var byHour = new long[24];
        await foreach (var row in data.Session.QueryAsync(new SimpleStatement($"SELECT order_status, orderhour FROM {data.Keyspace}.orders_by_day")))
        {
            var status = row.Get<string>(0);
            byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
            byHour[row.Get<int>(1)]++;
        }

        // When the dashboard answers
        using var analytics = await GetJsonAsync("/api/analytics");
        using var health = await GetJsonAsync("/api/health");
        var root = analytics.RootElement;

        // Then its totals, status and hour counts are Cassandra's
        Assert.Equal(data.DirectCount, root.GetProperty("totalOrders").GetInt64());
        Assert.Equal(data.DirectCount, health.RootElement.GetProperty("ordersStored").GetInt64());
        var shownStatus = root.GetProperty("byStatus").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("count").GetInt64());
        Assert.Equal(byStatus.OrderBy(kv => kv.Key), shownStatus.OrderBy(kv => kv.Key));
        Assert.Equal(byHour, root.GetProperty("byHour").EnumerateArray().Select(e => e.GetProperty("count").GetInt64()));
        Assert.Equal(data.DirectCount, root.GetProperty("perDay").EnumerateArray().Sum(e => e.GetProperty("count").GetInt64()));
        Assert.Equal(data.DirectCount, root.GetProperty("byDayOfWeek").EnumerateArray().Sum(e => e.GetProperty("count").GetInt64()));
    }

    [Fact]
    public async Task Should_ReportBothServersReachable_And_PartitionLag()
    {
        await _dash.Health.SampleAsync();

        using var health = await GetJsonAsync("/api/health");
        var root = health.RootElement;

        Assert.True(root.GetProperty("cassandra").GetProperty("reachable").GetBoolean(), root.ToString());
        Assert.True(root.GetProperty("kafka").GetProperty("reachable").GetBoolean(), root.ToString());
        var partitions = root.GetProperty("pipeline").GetProperty("partitions");
        Assert.Equal(3, partitions.GetArrayLength());
        foreach (var p in partitions.EnumerateArray())
        {
            var committed = p.GetProperty("committed").ValueKind == JsonValueKind.Null ? p.GetProperty("lowWatermark").GetInt64() : p.GetProperty("committed").GetInt64();
            Assert.Equal(p.GetProperty("highWatermark").GetInt64() - committed, p.GetProperty("lag").GetInt64());
        }
    }

    [Fact]
    public async Task Should_RunSelectAndCount_When_QueryBoxUsed()
    {
        var response = await _dash.Client.PostAsJsonAsync(new Uri("/api/query", UriKind.Relative),
            new { statement = $"SELECT count(*) FROM {data.Keyspace}.orders_by_day;", limit = 10 });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(data.DirectCount.ToString(System.Globalization.CultureInfo.InvariantCulture), body.RootElement.GetProperty("rows")[0][0].GetString());

        var limited = await _dash.Client.PostAsJsonAsync(new Uri("/api/query", UriKind.Relative),
            new { statement = $"SELECT order_id, order_purchase_timestamp FROM {data.Keyspace}.orders_by_day", limit = 7 });
        using var rows = JsonDocument.Parse(await limited.Content.ReadAsStringAsync());
        Assert.Equal(7, rows.RootElement.GetProperty("rows").GetArrayLength());
        Assert.True(rows.RootElement.GetProperty("truncated").GetBoolean());
    }

    [Theory]
    [InlineData("SELECT * FROM {ks}.no_such_table", "no_such_table")]
    [InlineData("SELECT no_such_column FROM {ks}.orders_by_day", "no_such_column")]
    [InlineData("SELECT * FROM {ks}.orders_by_day WHERE", "")]
    public async Task Should_Return400WithCassandraMessage_When_StatementInvalid(string statement, string mention)
    {
        var response = await _dash.Client.PostAsJsonAsync(new Uri("/api/query", UriKind.Relative),
            new { statement = statement.Replace("{ks}", data.Keyspace, StringComparison.Ordinal) });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = body.RootElement.GetProperty("error").GetString()!;
        Assert.Contains(mention, error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Return503_When_CassandraAddressHasNoServer()
    {
        // Given a dashboard pointed at a loopback address where nothing listens
        var nowhere = new CqlSessionOptions { ContactPoints = ["127.0.40.250:9042"], ConnectTimeout = TimeSpan.FromSeconds(2) };
        var (dash, sessions, kafka) = await CqlDashboard.StartAsync(nowhere, data.Keyspace, "127.0.40.250:9092");
        try
        {
            await dash.WaitForFreshAnalyticsAsync();
            await dash.Health.SampleAsync();

            var analytics = await dash.Client.GetAsync(new Uri("/api/analytics", UriKind.Relative));
            var query = await dash.Client.PostAsJsonAsync(new Uri("/api/query", UriKind.Relative), new { statement = "SELECT * FROM system.local" });
            using var health = JsonDocument.Parse(await dash.Client.GetStringAsync(new Uri("/api/health", UriKind.Relative)));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, analytics.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, query.StatusCode);
            Assert.Contains("127.0.40.250", await query.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.False(health.RootElement.GetProperty("cassandra").GetProperty("reachable").GetBoolean());
            Assert.False(health.RootElement.GetProperty("kafka").GetProperty("reachable").GetBoolean());
        }
        finally
        {
            await dash.DisposeAsync();
            await sessions.DisposeAsync();
            kafka.Dispose();
        }
    }
}
