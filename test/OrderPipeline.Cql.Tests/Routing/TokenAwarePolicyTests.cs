using System.Net;
using OrderPipeline.Cql.Connections;
using OrderPipeline.Cql.Protocol.Requests;
using OrderPipeline.Cql.Routing;

namespace OrderPipeline.Cql.Tests.Routing;

public class TokenAwarePolicyTests
{
    private static readonly Host A = new(new IPEndPoint(IPAddress.Parse("127.0.9.1"), 9042)) { Datacenter = "dc1" };
    private static readonly Host B = new(new IPEndPoint(IPAddress.Parse("127.0.9.2"), 9042)) { Datacenter = "dc1" };
    private static readonly Host C = new(new IPEndPoint(IPAddress.Parse("127.0.9.3"), 9042)) { Datacenter = "dc1" };
    private static readonly Host Remote = new(new IPEndPoint(IPAddress.Parse("127.0.9.4"), 9042)) { Datacenter = "dc2" };

    [Fact]
    public void Should_TryEachNodeOnce_ReplicasFirst_When_OwnersRepeatAndReappearInTheChildPlan()
    {
        // Given replicas B, C, B (a repeated owner) and a child plan over every node
        var policy = Policy([B.EndPoint, C.EndPoint, B.EndPoint], [A, B, C]);

        // When two plans are made (the replica start rotates)
        var first = policy.NewQueryPlan(new KeyedStatement(), 4).ToList();
        var second = policy.NewQueryPlan(new KeyedStatement(), 4).ToList();

        // Then each plan names every node exactly once, the replicas before the other node
        foreach (var plan in new[] { first, second })
        {
            Assert.Equal(3, plan.Count);
            Assert.Equal(3, plan.Distinct().Count());
            Assert.Equal(A, plan[2]);
        }
    }

    [Fact]
    public void Should_SkipDownAndRemoteReplicas_ButKeepTheChildPlan_When_ReplicasAreUnusable()
    {
        // Given one replica in another datacenter, one down, and one usable
        var down = new Host(new IPEndPoint(IPAddress.Parse("127.0.9.5"), 9042)) { Datacenter = "dc1" };
        down.MarkDown();
        var policy = Policy([Remote.EndPoint, down.EndPoint, C.EndPoint], [A, C]);

        // When a plan is made
        var plan = policy.NewQueryPlan(new KeyedStatement(), 4).ToList();

        // Then the usable replica comes first and the child's other node follows, no node twice
        Assert.Equal([C, A], plan);
    }

    [Fact]
    public void Should_UseTheChildPlan_When_NoReplicaIsKnown()
    {
        var policy = Policy([], [A, B]);

        Assert.Equal([A, B], policy.NewQueryPlan(new KeyedStatement(), 4).ToList());
    }

    private static TokenAwarePolicy Policy(IReadOnlyList<IPEndPoint> owners, IReadOnlyList<Host> childPlan)
    {
        Host[] all = [A, B, C, Remote];
        var downOrExtra = owners.Where(o => all.All(h => !h.EndPoint.Equals(o))).ToList();
        return new TokenAwarePolicy(
            new FixedPlan(childPlan),
            () => new FixedReplicas(owners),
            () => "dc1",
            endPoint => all.FirstOrDefault(h => h.EndPoint.Equals(endPoint)) ?? Lookup(endPoint, downOrExtra));
    }

    // Owners outside the fixed four are the down node of one test: looked up as a down host.
    private static Host? Lookup(IPEndPoint endPoint, List<IPEndPoint> extra)
    {
        if (!extra.Contains(endPoint))
        {
            return null;
        }

        var host = new Host(endPoint) { Datacenter = "dc1" };
        host.MarkDown();
        return host;
    }

    private sealed class FixedPlan(IReadOnlyList<Host> hosts) : ILoadBalancingPolicy
    {
        public IEnumerable<Host> NewQueryPlan(CqlStatement statement, byte protocolVersion) => hosts;
    }

    private sealed class FixedReplicas(IReadOnlyList<IPEndPoint> owners) : IReplicaSource
    {
        public IReadOnlyList<IPEndPoint>? GetReplicas(string keyspace, ReadOnlySpan<byte> routingKey) => owners;
    }

    private sealed class KeyedStatement : CqlStatement
    {
        internal override string? RoutingKeyspace => "ks";

        internal override byte[]? GetRoutingKey(byte protocolVersion) => [1, 2, 3];

        internal override IRequest BuildRequest(in RequestContext context) => throw new NotSupportedException();
    }
}
