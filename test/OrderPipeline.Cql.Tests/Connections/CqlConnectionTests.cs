using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using OrderPipeline.Cql;
using OrderPipeline.Cql.Connections;
using OrderPipeline.TestSupport.FakeCql;
using static OrderPipeline.Cql.Tests.Connections.ConnectionTestHelpers;

namespace OrderPipeline.Cql.Tests.Connections;

/// <summary>Multiplexing, backpressure and failure paths of one connection, against the fake server.</summary>
public class CqlConnectionTests
{
    [Fact]
    public async Task HundredsOfConcurrentRequests_ArePipelined_AndEachGetsItsOwnOutOfOrderAnswer()
    {
        // Given a node that answers each echo after a random delay (so answers come back out of order)
        await using var server = new FakeCqlServer();
        PrimeEcho(server, maxDelayMs: 30);
        await using var connection = await OpenAsync(server);

        // When 500 requests run at once on the one connection
        var tasks = Enumerable.Range(0, 500).Select(i => connection.SendAsync(Query($"SELECT echo {i}"), null, CancellationToken.None)).ToArray();
        var frames = await Task.WhenAll(tasks);

        // Then every caller got the answer to its own request, over a single socket
        for (var i = 0; i < frames.Length; i++)
        {
            Assert.Equal(i, EchoValue(frames[i], connection.ProtocolVersion));
        }

        Assert.Equal(1, server.AcceptedConnections);
        Assert.Equal(0, connection.InFlight);
    }

    [Fact]
    public async Task InFlightCap_MakesCallersWait_WithoutExceedingIt()
    {
        // Given a connection allowing 4 requests in flight and a node that answers only when the test says so
        await using var server = new FakeCqlServer();
        server.WhenQuery("SELECT held", static _ => FakeResponse.NoAnswer());
        await using var connection = await OpenAsync(server, new ConnectionSettings { MaxRequestsPerConnection = 4 });

        // When 40 callers send at once, and the test answers one held request at a time
        var calls = Enumerable.Range(0, 40).Select(_ => connection.SendAsync(Query("SELECT held"), null, CancellationToken.None)).ToArray();
        var answered = 0;
        while (answered < 40)
        {
            await WaitUntilAsync(() => server.Received.Count(static r => r.IsQuery("SELECT held")) > answered);
            await Task.Delay(5);

            // Then the node never holds more than 4 unanswered requests (the rest wait on the client)
            var received = server.Received.Where(static r => r.IsQuery("SELECT held")).ToList();
            Assert.InRange(received.Count - answered, 1, 4);
            await received[answered].Connection.ReplyAsync(received[answered], FakeResponse.Void());
            answered++;
        }

        await Task.WhenAll(calls);
        Assert.Equal(0, connection.InFlight);
    }

    [Fact]
    public async Task SilentNode_TimesOutThroughInjectedClock_WithClientTimeout()
    {
        // Given a node that stops answering after the handshake, and a fake clock
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = new FakeCqlServer();
        await using var connection = await OpenAsync(server, new ConnectionSettings { RequestTimeout = TimeSpan.FromSeconds(2), HeartbeatInterval = TimeSpan.FromSeconds(30) }, time);
        server.Silent = true;

        // When a request is sent and the clock moves past the timeout
        var pending = connection.SendAsync(Query("SELECT 1"), null, CancellationToken.None);
        await WaitUntilAsync(() => server.Received.Any(static r => r.IsQuery("SELECT 1")));
        Assert.False(pending.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(3));

        // Then the caller gets a client timeout (not a cancellation), and the silent connection is declared dead
        var error = await Assert.ThrowsAsync<CqlClientTimeoutException>(() => pending.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(TimeSpan.FromSeconds(2), error.Timeout);
        Assert.True(connection.IsClosed);
    }

    [Fact]
    public async Task Cancellation_MidRequest_ThrowsOperationCanceled_AndKeepsConnectionUsable()
    {
        // Given a node that answers a slow query late
        await using var server = new FakeCqlServer();
        server.WhenQuery("SELECT late", static r => FakeResponse.Void().WithDelay(TimeSpan.FromMilliseconds(300)));
        await using var connection = await OpenAsync(server);
        using var cts = new CancellationTokenSource();

        // When the caller cancels while the request is in flight
        var pending = connection.SendAsync(Query("SELECT late"), null, cts.Token);
        await WaitUntilAsync(() => server.Received.Any(static r => r.IsQuery("SELECT late")));
        await cts.CancelAsync();

        // Then it sees OperationCanceledException at once; the stream id is freed only when the late answer arrives
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        Assert.Equal(1, connection.InFlight);
        await WaitUntilAsync(() => connection.InFlight == 0);
        await connection.SendAsync(Query("SELECT 1"), null, CancellationToken.None);
        Assert.False(connection.IsClosed);
    }

    [Fact]
    public async Task Dispose_WithRequestsPending_FailsEachWithItsOwnException()
    {
        // Given 20 requests a silent node will never answer
        await using var server = new FakeCqlServer();
        var connection = await OpenAsync(server);
        server.Silent = true;
        var pending = Enumerable.Range(0, 20).Select(_ => connection.SendAsync(Query("SELECT 1"), null, CancellationToken.None)).ToArray();
        await WaitUntilAsync(() => server.Received.Count(static r => r.IsQuery("SELECT 1")) == 20);

        // When the connection is disposed
        await connection.DisposeAsync();

        // Then every request failed promptly with a distinct connection exception
        var errors = new List<Exception>();
        foreach (var task in pending)
        {
            errors.Add(await Assert.ThrowsAsync<CqlConnectionException>(() => task.WaitAsync(TimeSpan.FromSeconds(2))));
        }

        Assert.Equal(20, errors.Distinct().Count());
        await Assert.ThrowsAsync<CqlConnectionException>(() => connection.SendAsync(Query("SELECT 1"), null, CancellationToken.None));
    }

    [Fact]
    public async Task HugeLengthField_ClosesConnection_WithProtocolError_AndNoBigAllocation()
    {
        // Given a node that answers with a header announcing a 2 GB body
        await using var server = new FakeCqlServer();
        server.WhenQuery("SELECT huge", static r => FakeResponse.RawBytes(Convert.FromHexString("84000000087FFFFFFF")));
        await using var connection = await OpenAsync(server);
        server.WhenQuery("SELECT wait", static _ => FakeResponse.NoAnswer());
        var bystanders = Enumerable.Range(0, 5).Select(_ => connection.SendAsync(Query("SELECT wait"), null, CancellationToken.None)).ToList();
        await WaitUntilAsync(() => server.Received.Count(static r => r.IsQuery("SELECT wait")) == 5);
        var before = GC.GetTotalAllocatedBytes();

        // When the answer arrives
        var stopwatch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<CqlProtocolException>(() => connection.SendAsync(Query("SELECT huge"), null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)));

        // Then the request fails with a protocol error naming the limit, quickly, and the connection is closed
        Assert.Contains("limit", error.Message + error.InnerException?.Message, StringComparison.Ordinal);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2));
        // The failed request may be completed a moment before the read loop marks the connection closed.
        await WaitUntilAsync(() => connection.IsClosed);
        // Process-wide count (other tests run in parallel), so the bound is loose; a 2 GB buffer would break it.
        Assert.True(GC.GetTotalAllocatedBytes() - before < 64L * 1024 * 1024);
        foreach (var task in bystanders)
        {
            await Assert.ThrowsAnyAsync<CqlException>(() => task.WaitAsync(TimeSpan.FromSeconds(2)));
        }
    }

    [Fact]
    public async Task TruncatedFrame_ThenClose_FailsPendingRequests_WithoutHanging()
    {
        // Given a node that sends half a frame and then closes the socket
        await using var server = new FakeCqlServer();
        server.WhenQuery("SELECT cut", static r => FakeResponse.RawBytes(close: true, bytes: Convert.FromHexString($"8400{r.Stream:X4}0800000010000000")));
        await using var connection = await OpenAsync(server);

        // When the request is sent
        var error = await Assert.ThrowsAnyAsync<CqlConnectionException>(() => connection.SendAsync(Query("SELECT cut"), null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)));

        // Then it fails with a message about the incomplete frame
        Assert.Contains("middle of a frame", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedBody_ClosesConnection_WithProtocolError()
    {
        // Given a node whose answer claims a tracing id but has a 3-byte body
        await using var server = new FakeCqlServer();
        server.WhenQuery("SELECT bad", static r => FakeResponse.RawBytes(Convert.FromHexString($"8402{r.Stream:X4}0800000003000000")));
        await using var connection = await OpenAsync(server);

        // Then the request fails with a protocol exception and the connection closes
        await Assert.ThrowsAsync<CqlProtocolException>(() => connection.SendAsync(Query("SELECT bad"), null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.True(connection.IsClosed);
    }

    [Fact]
    public async Task Lz4_IsNegotiated_AndLargeRequestsAreCompressed()
    {
        // Given a node that supports lz4 (the fake's default)
        await using var server = new FakeCqlServer();
        await using var connection = await OpenAsync(server, new ConnectionSettings { Compression = true });

        // When a large query is sent
        var cql = "SELECT " + string.Join(", ", Enumerable.Repeat("a_column_name", 100)) + " FROM ks.t";
        await connection.SendAsync(Query(cql), null, CancellationToken.None);

        // Then STARTUP asked for lz4 and the query frame was compressed (and decompressed intact by the server)
        Assert.True(connection.IsCompressed);
        Assert.Equal("lz4", server.Received.Single(static r => r.Opcode == 0x01).StartupOptions["COMPRESSION"]);
        var query = server.Received.Single(r => r.Query == cql);
        Assert.True(query.IsCompressed);
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Condition not reached within 10 s.");
            await Task.Delay(10);
        }
    }
}
