using Microsoft.Extensions.Configuration;
using OrderPipeline.Cql;
using OrderPipeline.TestSupport.FakeCql;

namespace OrderPipeline.Cql.Tests.Session;

/// <summary>The session end to end against the fake server: connect, DDL, prepare, execute, page.</summary>
public class FakeClusterTests
{
    private static CqlSessionOptions Options(params FakeCqlServer[] servers) => new()
    {
        ContactPoints = servers.Select(static s => s.ContactPoint).ToList(),
        RequestTimeout = TimeSpan.FromSeconds(5),
        ReconnectBaseDelay = TimeSpan.FromMilliseconds(100),
        ReconnectMaxDelay = TimeSpan.FromSeconds(1),
    };

    [Fact]
    public async Task Session_ConnectsPreparesExecutesAndPages()
    {
        // Given a fake node that answers a prepared insert and a SELECT in two pages
        await using var server = new FakeCqlServer();
        server.WhenQuery("SELECT id, name FROM ks.t", request =>
        {
            var columns = new[] { ("id", CqlType.Int), ("name", CqlType.Text) };
            var secondPage = request.Flags is var flags && (flags & 0x08) != 0;
            return secondPage
                ? FakeResponse.Rows(columns, [[3, "c"]], version: request.Version)
                : FakeResponse.Rows(columns, [[1, "a"], [2, "b"]], pagingState: [7], version: request.Version);
        });

        server.PrimePrepared("INSERT INTO ks.t (id, name)", ("id", CqlType.Int), ("name", CqlType.Text));

        // When a session connects, prepares and executes at QUORUM, then reads all rows
        await using var session = await CqlSession.ConnectAsync(Options(server));
        await session.ExecuteAsync("CREATE TABLE IF NOT EXISTS ks.t (id int PRIMARY KEY, name text)");
        var insert = await session.PrepareAsync("INSERT INTO ks.t (id, name) VALUES (?, ?)");
        await session.ExecuteAsync(insert.Bind(1, "a").WithConsistency(CqlConsistency.Quorum));
        var rows = new List<(int, string)>();
        await foreach (var row in session.QueryAsync(new SimpleStatement("SELECT id, name FROM ks.t") { PageSize = 2 }))
        {
            rows.Add((row.Get<int>("id"), row.Get<string>("name")));
        }

        // Then v4 was used, the EXECUTE carried QUORUM and both values, and paging followed the state
        Assert.Equal(4, session.ProtocolVersion);
        var execute = Assert.Single(server.Received, static r => r.Opcode == 0x0A);
        Assert.Equal((short)CqlConsistency.Quorum, execute.Consistency);
        Assert.Equal(2, execute.Values.Count);
        Assert.Equal([(1, "a"), (2, "b"), (3, "c")], rows);
        Assert.Same(insert, await session.PrepareAsync("INSERT INTO ks.t (id, name) VALUES (?, ?)"));
    }

    [Fact]
    public async Task Session_FallsBackToV3_WhenNodeRejectsV4()
    {
        // Given a node that speaks only v3 and answers v4 as Cassandra 2.1 does
        await using var server = new FakeCqlServer { SupportedVersions = [3] };

        // When a session connects
        await using var session = await CqlSession.ConnectAsync(Options(server));
        await session.ExecuteAsync("SELECT * FROM system.local");

        // Then it negotiated v3 on a new connection and uses it from then on
        Assert.Equal(3, session.ProtocolVersion);
        Assert.Contains(server.Received, static r => r.Version == 4 && r.Opcode == 0x01);
        Assert.All(server.Received.Where(static r => r.Opcode == 0x07), static r => Assert.Equal(3, r.Version));
    }

    [Fact]
    public async Task Unprepared_IsRepreparedTransparently()
    {
        // Given a node that forgets the prepared statement once (as after a restart)
        await using var server = new FakeCqlServer();
        var forgot = 0;
        server.PrimePrepared("INSERT INTO ks.t (id)", ("id", CqlType.Int));
        server.When(r => r.Opcode == 0x0A && Interlocked.Exchange(ref forgot, 1) == 0, r => FakeResponse.Unprepared(r.PreparedId!));
        await using var session = await CqlSession.ConnectAsync(Options(server));
        var insert = await session.PrepareAsync("INSERT INTO ks.t (id) VALUES (?)");

        // When executed
        await session.ExecuteAsync(insert.Bind(5));

        // Then the client prepared again and re-sent the EXECUTE, without the caller seeing UNPREPARED
        Assert.Equal(2, server.Received.Count(static r => r.Opcode == 0x09));
        Assert.Equal(2, server.Received.Count(static r => r.Opcode == 0x0A));
    }

    [Fact]
    public async Task ServerErrors_ReachCallerTyped_AndNonIdempotentIsNotRetried()
    {
        // Given two nodes, each answering an insert with a write timeout
        await using var a = new FakeCqlServer();
        await using var b = new FakeCqlServer();
        foreach (var server in new[] { a, b })
        {
            server.WhenQuery("INSERT", static _ => FakeResponse.WriteTimeout(CqlConsistency.Quorum, 1, 2));
        }

        await using var session = await CqlSession.ConnectAsync(Options(a, b));

        // When a non-idempotent insert runs
        var error = await Assert.ThrowsAsync<CqlWriteTimeoutException>(() => session.ExecuteAsync("INSERT INTO ks.t (id) VALUES (1)"));

        // Then it failed once, maybe applied, and was never sent to the second node
        Assert.True(error.MaybeApplied);
        Assert.Equal(1, a.Received.Count(static r => r.IsQuery("INSERT")) + b.Received.Count(static r => r.IsQuery("INSERT")));
    }

    [Fact]
    public async Task IdempotentStatement_IsRetriedOnNextNode_AfterUnavailable()
    {
        // Given two nodes where only one answers Unavailable
        await using var a = new FakeCqlServer();
        await using var b = new FakeCqlServer();
        a.WhenQuery("UPDATE", static _ => FakeResponse.Unavailable(CqlConsistency.Quorum, 2, 1));
        b.WhenQuery("UPDATE", static _ => FakeResponse.Unavailable(CqlConsistency.Quorum, 2, 1));
        var lucky = new[] { a, b }[Random.Shared.Next(2)];
        lucky.WhenQuery("UPDATE", static _ => FakeResponse.Void());
        await using var session = await CqlSession.ConnectAsync(Options(a, b));

        // When an idempotent update runs (whichever node the plan starts with)
        await session.ExecuteAsync(new SimpleStatement("UPDATE ks.t SET v = 1 WHERE id = 1") { IsIdempotent = true });

        // Then it succeeded, on the lucky node at most after one retry
        Assert.Equal(1, lucky.Received.Count(static r => r.IsQuery("UPDATE")));
    }

    [Fact]
    public async Task Unavailable_IsNotApplied_AndCarriesFields()
    {
        await using var server = new FakeCqlServer();
        server.WhenQuery("INSERT", static _ => FakeResponse.Unavailable(CqlConsistency.Quorum, 2, 1));
        await using var session = await CqlSession.ConnectAsync(Options(server));

        var error = await Assert.ThrowsAsync<CqlUnavailableException>(() => session.ExecuteAsync("INSERT INTO ks.t (id) VALUES (1)"));

        Assert.False(error.MaybeApplied);
        Assert.Equal((2, 1), (error.Required, error.Alive));
    }

    [Fact]
    public async Task NoReachableContactPoint_GivesNoHostAvailable_WithEachError()
    {
        // Given a port nobody listens on
        var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();

        // When connecting
        var error = await Assert.ThrowsAsync<CqlNoHostAvailableException>(() =>
            CqlSession.ConnectAsync(new CqlSessionOptions { ContactPoints = [$"127.0.0.1:{port}"], ConnectTimeout = TimeSpan.FromSeconds(2) }));

        // Then the error names the node and why
        var (host, reason) = Assert.Single(error.Errors);
        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), host.ToString(), StringComparison.Ordinal);
        Assert.IsType<CqlConnectionException>(reason);
    }
}

/// <summary>Failure handling across nodes and option binding.</summary>
public class FailoverAndOptionsTests
{
    [Fact]
    public async Task SilentNode_TimesOut_IsMarkedDown_AndTheOtherNodeServes()
    {
        // Given two nodes, one of which stops answering right after the session connected
        await using var a = new FakeCqlServer();
        await using var b = new FakeCqlServer();
        await using var session = await CqlSession.ConnectAsync(new CqlSessionOptions
        {
            ContactPoints = [a.ContactPoint, b.ContactPoint],
            RequestTimeout = TimeSpan.FromMilliseconds(400),
            ReconnectBaseDelay = TimeSpan.FromSeconds(30),
            ReconnectMaxDelay = TimeSpan.FromSeconds(60),
        });
        a.Silent = true;

        // When idempotent reads run (round robin sends some of them to the silent node first)
        for (var i = 0; i < 4; i++)
        {
            await session.ExecuteAsync(new SimpleStatement("SELECT v FROM ks.t WHERE id = 1") { IsIdempotent = true });
        }

        // Then every read succeeded through the other node, and the silent node is marked down
        Assert.Equal(4, b.Received.Count(static r => r.IsQuery("SELECT v FROM ks.t")));
        await CqlConnectionTestsWait.UntilAsync(() => session.Nodes.Single(n => n.EndPoint.Equals(a.EndPoint)).IsUp == false);
        Assert.True(session.Nodes.Single(n => n.EndPoint.Equals(b.EndPoint)).IsUp);
    }

    [Fact]
    public async Task NonIdempotent_OnSilentNode_FailsWithClientTimeout_AndIsNotResent()
    {
        // Given a single node that stops answering
        await using var a = new FakeCqlServer();
        // (2 s: a request that times out before the writer reaches it is dropped unsent, which a 300 ms timeout
        // allowed on a busy machine; here it must go out, so that "exactly once" is what is tested)
        await using var session = await CqlSession.ConnectAsync(new CqlSessionOptions { ContactPoints = [a.ContactPoint], RequestTimeout = TimeSpan.FromSeconds(2) });
        a.Silent = true;

        // When a non-idempotent insert runs
        await Assert.ThrowsAsync<CqlClientTimeoutException>(() => session.ExecuteAsync("INSERT INTO ks.t (id) VALUES (1)"));

        // Then it was sent exactly once (a resend would have had the whole timeout to arrive)
        Assert.Equal(1, a.Received.Count(static r => r.IsQuery("INSERT")));
    }

    [Fact]
    public void Options_BindFromConfigurationSection_AndFreezeOnConnectCopy()
    {
        // Given a configuration section "Cql"
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Cql:ContactPoints:0"] = "127.0.20.1",
                ["Cql:ContactPoints:1"] = "127.0.20.2:9043",
                ["Cql:LocalDatacenter"] = "dc1",
                ["Cql:Consistency"] = "Quorum",
                ["Cql:RequestTimeout"] = "00:00:05",
                ["Cql:PageSize"] = "100",
                ["Cql:Tls:Enabled"] = "true",
            })
            .Build();

        // When bound
        var options = new CqlSessionOptions();
        Microsoft.Extensions.Configuration.ConfigurationBinder.Bind(configuration.GetSection(CqlSessionOptions.SectionName), options);

        // Then every setting arrived, and a frozen copy refuses changes
        Assert.Equal(["127.0.20.1", "127.0.20.2:9043"], options.ContactPoints);
        Assert.Equal(CqlConsistency.Quorum, options.Consistency);
        Assert.Equal(TimeSpan.FromSeconds(5), options.RequestTimeout);
        Assert.Equal(100, options.PageSize);
        Assert.True(options.Tls.Enabled);
        Assert.Equal(("127.0.20.2", 9043), options.ParseContactPoint("127.0.20.2:9043"));
        var frozen = options.FreezeCopy();
        Assert.Throws<InvalidOperationException>(() => frozen.PageSize = 5);
        options.PageSize = 5;
    }

    [Fact]
    public void Options_Validation_ListsEveryProblem()
    {
        var options = new CqlSessionOptions { Port = 0, PageSize = 0, MaxProtocolVersion = 5, Username = "u" };
        var error = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Contains("Port", error.Message, StringComparison.Ordinal);
        Assert.Contains("PageSize", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxProtocolVersion", error.Message, StringComparison.Ordinal);
        Assert.Contains("Password", error.Message, StringComparison.Ordinal);
    }
}

internal static class CqlConnectionTestsWait
{
    public static Task UntilAsync(Func<bool> condition) => OrderPipeline.Cql.Tests.Connections.CqlConnectionTests.WaitUntilAsync(condition);
}
