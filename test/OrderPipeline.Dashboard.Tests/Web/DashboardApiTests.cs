using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrderPipeline.Dashboard.Tests.Fakes;

namespace OrderPipeline.Dashboard.Tests.Web;

/// The HTTP contract (status codes, content types, messages) against the real Kestrel pipeline with an
/// in-memory store; the same endpoints against real Cassandra are in the integration tests.
public class DashboardApiTests
{
    private static FakeOrderStore SampleStore() => new FakeOrderStore()
        .Add(TestOrders.Make("2017-10-02 10:56:33", delivered: "2017-10-10", estimated: "2017-10-18"))
        .Add(TestOrders.Make("2017-10-02 11:00:00", status: "shipped", estimated: "2017-10-20"))
        .Add(TestOrders.Make("2018-01-05 20:00:00", delivered: "2018-01-30", estimated: "2018-01-25"));

    [Fact]
    public async Task Should_ServePageAndScript_Without_ExternalReferences()
    {
        await using var dash = await RunningDashboard.StartAsync(SampleStore(), new FakeKafkaProbe());

        var page = await dash.Client.GetAsync(new Uri("/", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        var js = await dash.Client.GetStringAsync(new Uri("/app.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("id=\"orders-stored\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Contains("/api/analytics", js, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_ReturnAnalyticsAndCharts_When_StoreAnswers()
    {
        await using var dash = await RunningDashboard.StartAsync(SampleStore(), new FakeKafkaProbe());
        await dash.WaitForFreshAnalyticsAsync();

        using var analytics = JsonDocument.Parse(await dash.Client.GetStringAsync(new Uri("/api/analytics", UriKind.Relative)));
        var chart = await dash.Client.GetAsync(new Uri("/api/charts/status.svg", UriKind.Relative));

        Assert.Equal(3, analytics.RootElement.GetProperty("totalOrders").GetInt64());
        Assert.Equal(0.5, analytics.RootElement.GetProperty("delivery").GetProperty("lateShare").GetDouble());
        Assert.Equal(HttpStatusCode.OK, chart.StatusCode);
        Assert.Equal("image/svg+xml", chart.Content.Headers.ContentType!.MediaType);
        Assert.Contains("data-label=\"shipped\" data-value=\"1\"", await chart.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Return404_When_ChartUnknown()
    {
        await using var dash = await RunningDashboard.StartAsync(SampleStore(), new FakeKafkaProbe());

        var response = await dash.Client.GetAsync(new Uri("/api/charts/nope.svg", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Should_Return503PlainMessage_When_CassandraDown()
    {
        // Given a store that is down from the start
        var store = SampleStore();
        store.Down = true;
        await using var dash = await RunningDashboard.StartAsync(store, new FakeKafkaProbe());
        await dash.WaitForFreshAnalyticsAsync();
        await dash.Health.SampleAsync();

        // When the page asks for analytics, runs a query and reads health
        var analytics = await dash.Client.GetAsync(new Uri("/api/analytics", UriKind.Relative));
        var query = await dash.Client.PostAsJsonAsync(new Uri("/api/query", UriKind.Relative), new { statement = "SELECT * FROM t" });
        using var health = JsonDocument.Parse(await dash.Client.GetStringAsync(new Uri("/api/health", UriKind.Relative)));

        // Then both say so in plain text, with no stack trace, and health reports Cassandra unreachable
        foreach (var response in new[] { analytics, query })
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
            Assert.Contains("connection refused", body, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
            Assert.NotNull(response.Headers.RetryAfter);
        }

        Assert.False(health.RootElement.GetProperty("cassandra").GetProperty("reachable").GetBoolean());
        Assert.True(health.RootElement.GetProperty("kafka").GetProperty("reachable").GetBoolean());
    }

    [Fact]
    public async Task Should_RecoverAnalytics_When_CassandraComesBack()
    {
        var store = SampleStore();
        store.Down = true;
        await using var dash = await RunningDashboard.StartAsync(store, new FakeKafkaProbe());
        await dash.WaitForFreshAnalyticsAsync();

        store.Down = false;
        await dash.WaitForFreshAnalyticsAsync();

        var response = await dash.Client.GetAsync(new Uri("/api/analytics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Should_Return503_When_KafkaDown()
    {
        await using var dash = await RunningDashboard.StartAsync(SampleStore(), new FakeKafkaProbe { Down = true });
        await dash.Health.SampleAsync();

        var pipeline = await dash.Client.GetAsync(new Uri("/api/pipeline", UriKind.Relative));
        using var health = JsonDocument.Parse(await dash.Client.GetStringAsync(new Uri("/api/health", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, pipeline.StatusCode);
        Assert.Contains("Kafka is unreachable", await pipeline.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(health.RootElement.GetProperty("kafka").GetProperty("reachable").GetBoolean());
        Assert.Equal("kafka", health.RootElement.GetProperty("lastError").GetProperty("source").GetString());
    }

    [Fact]
    public async Task Should_ReportLagDeadLettersAndRate_When_KafkaAnswers()
    {
        var kafka = new FakeKafkaProbe { Committed = 100 };
        await using var dash = await RunningDashboard.StartAsync(SampleStore(), kafka);
        await dash.Health.SampleAsync();
        kafka.Committed = 160;
        await Task.Delay(300);
        await dash.Health.SampleAsync();

        using var health = JsonDocument.Parse(await dash.Client.GetStringAsync(new Uri("/api/health", UriKind.Relative)));
        var pipeline = health.RootElement.GetProperty("pipeline");

        Assert.Equal(5, pipeline.GetProperty("totalLag").GetInt64());
        Assert.Equal(2, pipeline.GetProperty("deadLetters").GetInt64());
        Assert.Equal("bad timestamp", pipeline.GetProperty("latestDeadLetters")[0].GetProperty("reason").GetString());
        Assert.True(health.RootElement.GetProperty("ratePerMinute").GetDouble() > 0);
    }

    [Theory]
    [InlineData("DELETE FROM ecommerce.orders WHERE customer_id = 1", "'DELETE' is refused")]
    [InlineData("SELECT * FROM t; DROP TABLE t", "Only one statement")]
    [InlineData("SELECT * FROM nosuchtable", "unconfigured table")]
    public async Task Should_Return400WithMessage_When_QueryRefused(string statement, string message)
    {
        var store = SampleStore();
        await using var dash = await RunningDashboard.StartAsync(store, new FakeKafkaProbe());

        var response = await dash.Client.PostAsJsonAsync(new Uri("/api/query", UriKind.Relative), new { statement });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, body.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        if (!message.Contains("unconfigured", StringComparison.Ordinal))
        {
            Assert.Null(store.LastQuery);
        }
    }

    [Fact]
    public async Task Should_ReturnRowsUpToLimit_When_SelectAccepted()
    {
        await using var dash = await RunningDashboard.StartAsync(SampleStore(), new FakeKafkaProbe());

        var response = await dash.Client.PostAsJsonAsync(new Uri("/api/query", UriKind.Relative),
            new { statement = "SELECT purchase_day, order_id, order_status FROM ecommerce.orders_by_day;", limit = 2 });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, body.RootElement.GetProperty("rows").GetArrayLength());
        Assert.True(body.RootElement.GetProperty("truncated").GetBoolean());
        Assert.Equal("order_status", body.RootElement.GetProperty("columns")[2].GetString());
    }

    [Fact]
    public async Task Should_Return400_When_LimitOutOfRange()
    {
        await using var dash = await RunningDashboard.StartAsync(SampleStore(), new FakeKafkaProbe());

        var response = await dash.Client.PostAsJsonAsync(new Uri("/api/query", UriKind.Relative),
            new { statement = "SELECT * FROM t", limit = 100_000 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
