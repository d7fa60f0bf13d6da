using System.Net;
using OrderPipeline.Cql;
using OrderPipeline.TestSupport.FakeCql;

namespace OrderPipeline.Cql.Tests.Session;

/// <summary>Whether the session follows system.peers or stays on its contact points (a node behind a proxy).</summary>
public class PeerDiscoveryTests
{
    private static readonly IPAddress Peer = IPAddress.Parse("127.0.45.2");

    private static FakeCqlServer NodeWithOnePeer()
    {
        var server = new FakeCqlServer();
        server.WhenQuery("system.peers", request => FakeResponse.Rows(
            [("peer", CqlType.Inet), ("rpc_address", CqlType.Inet), ("data_center", CqlType.Text), ("rack", CqlType.Text), ("tokens", CqlType.Set(CqlType.Text))],
            [[Peer, Peer, server.Datacenter, "r1", new HashSet<string> { "100" }]],
            version: request.Version));
        return server;
    }

    private static CqlSessionOptions Options(FakeCqlServer server, bool discoverPeers) => new()
    {
        ContactPoints = [server.ContactPoint],
        DiscoverPeers = discoverPeers,
        RequestTimeout = TimeSpan.FromSeconds(5),
        ConnectTimeout = TimeSpan.FromSeconds(1),
    };

    [Fact]
    public async Task Should_AddTheListedPeers_When_DiscoveryIsOn()
    {
        // Given a node whose system.peers lists one more node
        await using var server = NodeWithOnePeer();

        // When a session connects with the default settings
        await using var session = await CqlSession.ConnectAsync(Options(server, discoverPeers: true));

        // Then it knows both nodes
        Assert.Equal(2, session.Nodes.Count);
        Assert.Contains(session.Nodes, n => n.EndPoint.Address.Equals(Peer));
    }

    [Fact]
    public async Task Should_UseOnlyTheContactPoint_When_DiscoveryIsOff()
    {
        // Given the same node
        await using var server = NodeWithOnePeer();

        // When a session connects with peer discovery off and runs a statement
        await using var session = await CqlSession.ConnectAsync(Options(server, discoverPeers: false));
        await session.ExecuteAsync(new SimpleStatement("INSERT INTO ks.t (id) VALUES (1)").WithConsistency(CqlConsistency.Quorum));

        // Then the contact point is its only node, system.peers was never read, and the statement went there
        var node = Assert.Single(session.Nodes);
        Assert.Equal(server.EndPoint, node.EndPoint);
        Assert.DoesNotContain(server.Received, r => r.IsQuery("system.peers"));
        Assert.Contains(server.Received, r => r.IsQuery("INSERT INTO ks.t"));
    }
}
