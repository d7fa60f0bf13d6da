using System.Diagnostics;
using System.Net;
using OrderPipeline.TestSupport.FakeCql;

namespace OrderPipeline.Cql.Tests.Session;

/// Schema agreement after DDL, and an UP event cutting a reconnection backoff short, against fake nodes.
public class SchemaAgreementAndReconnectTests
{
    private static readonly Guid OldVersion = Guid.Parse("11111111-1111-1111-1111-111111111111");
    private static readonly Guid NewVersion = Guid.Parse("22222222-2222-2222-2222-222222222222");

    [Fact]
    public async Task Should_ReturnFromDdl_Only_When_TheControlNodeReportsTheCoordinatorsVersion()
    {
        // Given a node that reports the new schema version to the coordinator query, then twice the old one
        // (the control node's stale view), then the new one
        await using var server = new FakeCqlServer();
        var answers = new[] { NewVersion, OldVersion, OldVersion, NewVersion };
        var asked = 0;
        server.WhenQuery("SELECT schema_version FROM system.local", r =>
        {
            var index = Math.Min(Interlocked.Increment(ref asked) - 1, answers.Length - 1);
            return FakeResponse.Rows([("schema_version", CqlType.Uuid)], [[answers[index]]], version: r.Version);
        });
        server.WhenQuery("CREATE TABLE", static _ => FakeResponse.SchemaChange("CREATED", "TABLE", "ks", "t"));
        await using var session = await CqlSession.ConnectAsync(new CqlSessionOptions { ContactPoints = [server.ContactPoint] });

        // When a DDL statement runs
        await session.ExecuteAsync("CREATE TABLE ks.t (k int PRIMARY KEY)");

        // Then it returned only after the control connection saw the coordinator's version
        Assert.Equal(4, Volatile.Read(ref asked));
    }

    [Fact]
    public async Task Should_GiveUpQuietly_When_NodesNeverAgree()
    {
        // Given a peer whose schema version never matches the node's
        await using var server = new FakeCqlServer();
        server.WhenQuery("SELECT schema_version FROM system.local",
            r => FakeResponse.Rows([("schema_version", CqlType.Uuid)], [[NewVersion]], version: r.Version));
        server.WhenQuery("SELECT peer, rpc_address, schema_version FROM system.peers", r => FakeResponse.Rows(
            [("peer", CqlType.Inet), ("rpc_address", CqlType.Inet), ("schema_version", CqlType.Uuid)],
            [[server.EndPoint.Address, server.EndPoint.Address, OldVersion]], version: r.Version));
        server.WhenQuery("DROP TABLE", static _ => FakeResponse.SchemaChange("DROPPED", "TABLE", "ks", "t"));
        await using var session = await CqlSession.ConnectAsync(new CqlSessionOptions
        {
            ContactPoints = [server.EndPoint.Address.ToString()],
            Port = server.EndPoint.Port,
            SchemaAgreementTimeout = TimeSpan.FromMilliseconds(600),
        });
        var clock = Stopwatch.StartNew();

        // When a DDL statement runs
        await session.ExecuteAsync("DROP TABLE ks.t");

        // Then it succeeded after about the agreement timeout, not before and not much later
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(550), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Should_ReconnectAtOnce_When_TheClusterReportsANodeUpDuringALongBackoff()
    {
        // Given two nodes on one port (different loopback addresses), b carrying the control connection, and a
        // reconnection backoff far longer than the test
        var a = new FakeCqlServer(IPAddress.Loopback);
        var port = a.EndPoint.Port;
        await using var b = new FakeCqlServer(IPAddress.Parse("127.0.0.2"), port);
        await using var session = await CqlSession.ConnectAsync(new CqlSessionOptions
        {
            ContactPoints = ["127.0.0.2", "127.0.0.1"],
            Port = port,
            ReconnectBaseDelay = TimeSpan.FromSeconds(60),
            ReconnectMaxDelay = TimeSpan.FromSeconds(120),
        });
        for (var i = 0; i < 6 && NodeA(session).OpenConnections == 0; i++)
        {
            // Round robin opens a's pool (its datacenter is unknown until used, so it was not warmed up).
            await session.ExecuteAsync("SELECT now() FROM system.local");
        }

        Assert.True(NodeA(session).OpenConnections > 0);

        // When a dies (the session marks it down and waits 60 s), comes back, and b announces it UP
        await a.DisposeAsync();
        await CqlConnectionTestsWait.UntilAsync(() => !NodeA(session).IsUp);
        await using var restarted = new FakeCqlServer(IPAddress.Loopback, port);
        var clock = Stopwatch.StartNew();
        foreach (var connection in b.Connections)
        {
            await connection.PushAsync(FakeResponse.StatusEvent("UP", new IPEndPoint(IPAddress.Loopback, port)), session.ProtocolVersion);
        }

        // Then the session reconnects within seconds instead of after its backoff
        await CqlConnectionTestsWait.UntilAsync(() => NodeA(session).IsUp);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"reconnected after {clock.Elapsed}");
        Assert.True(restarted.AcceptedConnections > 0);
    }

    private static CqlNodeInfo NodeA(CqlSession session) => session.Nodes.Single(n => n.EndPoint.Address.Equals(IPAddress.Loopback));
}
