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
