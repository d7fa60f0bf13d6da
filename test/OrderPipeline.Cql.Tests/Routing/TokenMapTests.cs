using System.Text;
using OrderPipeline.Cql.Routing;

namespace OrderPipeline.Cql.Tests.Routing;

public class TokenMapTests
{
    private static readonly TestHost A = new("A");
    private static readonly TestHost B = new("B");
    private static readonly TestHost C = new("C");

    private static TokenMap<TestHost> ThreeNodeRing(ReplicationStrategy strategy)
    {
        var map = TokenMap.Build<TestHost>([(A, ["-100"]), (B, ["0"]), (C, ["100"])]);
        map.SetKeyspace("ks", strategy);
        return map;
    }

    [Theory]
    [InlineData(-101, "A,B,C")]
    [InlineData(-100, "A,B,C")]
    [InlineData(-99, "B,C,A")]
    [InlineData(0, "B,C,A")]
    [InlineData(50, "C,A,B")]
    [InlineData(100, "C,A,B")]
    [InlineData(101, "A,B,C")]
    [InlineData(long.MaxValue, "A,B,C")]
    [InlineData(long.MinValue, "A,B,C")]
    public void Should_WalkClockwiseFromOwningRange_When_SimpleStrategy(long token, string expected)
    {
        // Given three nodes owning ranges (100, -100], (-100, 0], (0, 100] and RF 3
        var map = ThreeNodeRing(ReplicationStrategy.Simple(3));

        // When the replicas of the token are asked
        var replicas = map.GetReplicas("ks", token);

        // Then the owner of the range comes first, then the next nodes clockwise
        Assert.Equal(expected, Names(replicas));
    }

    [Theory]
    [InlineData(1, "C")]
    [InlineData(2, "C,A")]
    [InlineData(5, "C,A,B")]
    [InlineData(0, "")]
    public void Should_ReturnFactorReplicasCappedByNodes_When_SimpleStrategy(int factor, string expected)
    {
        var map = ThreeNodeRing(ReplicationStrategy.Simple(factor));

        Assert.Equal(expected, Names(map.GetReplicas("ks", 50L)));
    }

    [Fact]
    public void Should_HashRoutingKey_When_AskedByKeyBytes()
    {
        // Given a key whose published token is -7468325962851647638 ("123")
        var map = ThreeNodeRing(ReplicationStrategy.Simple(1));

        // Then it lands in A's range (100, -100] (wrapping)
        Assert.Equal("A", Names(map.GetReplicas("ks", Encoding.ASCII.GetBytes("123"))));
        Assert.Equal(A, map.GetPrimary(-7468325962851647638));
    }

    [Fact]
    public void Should_ReturnDistinctHosts_When_NodesOwnManyTokens()
    {
        // Given vnodes: A owns -300 and -100, B owns -200 and 0, C owns 100
        var map = TokenMap.Build<TestHost>([(A, ["-300", "-100"]), (B, ["-200", "0"]), (C, ["100"])]);
        map.SetKeyspace("ks", ReplicationStrategy.Simple(2));

        // Then walking from -300 gives A then B (A's second token is skipped as a duplicate host)
        Assert.Equal("A,B", Names(map.GetReplicas("ks", -300L)));
        Assert.Equal("B,A", Names(map.GetReplicas("ks", -250L + 50)));
        Assert.Equal(5, map.RingSize);
    }

    [Fact]
    public void Should_ReturnEmpty_When_KeyspaceUnknownOrNotRoutable()
    {
        var map = ThreeNodeRing(ReplicationStrategy.Simple(3));
        map.SetKeyspace("system", ReplicationStrategy.Local);
        map.SetKeyspace("custom", ReplicationStrategy.Unsupported("com.example.MyStrategy"));

        Assert.Empty(map.GetReplicas("other", 0L));
        Assert.Empty(map.GetReplicas("system", 0L));
        Assert.Empty(map.GetReplicas("custom", 0L));
    }

    [Fact]
    public void Should_ReturnEveryHost_When_EverywhereStrategy()
    {
        var map = ThreeNodeRing(ReplicationStrategy.Everywhere);

        Assert.Equal("B,C,A", Names(map.GetReplicas("ks", 0L)));
    }

    [Fact]
    public void Should_ReturnEmpty_When_RingIsEmpty()
    {
        var map = TokenMap.Build<TestHost>([(A, []), (B, Array.Empty<string>())]);
        map.SetKeyspace("ks", ReplicationStrategy.Simple(1));

        Assert.Equal(0, map.RingSize);
        Assert.Empty(map.Hosts);
        Assert.Empty(map.GetReplicas("ks", 0L));
        Assert.Null(map.GetPrimary(0));
    }

    [Fact]
    public void Should_FollowKeyspaceChanges_When_SettingsAlteredOrDropped()
    {
        // Given a keyspace at RF 1
        var map = ThreeNodeRing(ReplicationStrategy.Simple(1));
        Assert.Equal("C", Names(map.GetReplicas("ks", 50L)));

        // When altered to RF 2, then dropped
        map.SetKeyspace("ks", ReplicationStrategy.Simple(2));
        var altered = Names(map.GetReplicas("ks", 50L));
        var removed = map.RemoveKeyspace("ks");

        // Then the answers follow
        Assert.Equal("C,A", altered);
        Assert.True(removed);
        Assert.Empty(map.GetReplicas("ks", 50L));
        Assert.False(map.RemoveKeyspace("ks"));
    }

    [Fact]
    public void Should_CarryKeyspaces_When_RebuiltForNewTopology()
    {
        // Given a map with a keyspace, and a node D joining
        var old = ThreeNodeRing(ReplicationStrategy.Simple(2));
        var d = new TestHost("D");

        // When rebuilt with the old keyspaces
        var rebuilt = TokenMap.Build<TestHost>([(A, ["-100"]), (B, ["0"]), (C, ["100"]), (d, ["50"])], old.Keyspaces);

        // Then D owns (0, 50] and the keyspace still routes
        Assert.Equal("D,C", Names(rebuilt.GetReplicas("ks", 25L)));
    }

    [Fact]
    public void Should_KeepFirstOwner_When_TwoHostsClaimSameToken()
    {
        var map = TokenMap.Build<TestHost>([(A, ["0"]), (B, ["0", "10"])]);
        map.SetKeyspace("ks", ReplicationStrategy.Simple(1));

        Assert.Equal(2, map.RingSize);
        Assert.Equal("A", Names(map.GetReplicas("ks", 0L)));
    }

    [Fact]
    public void Should_Throw_When_TokenIsNotMurmur3()
    {
        Assert.Throws<FormatException>(() => TokenMap.Build<TestHost>([(A, ["85070591730234615865843651857942052864"])]));
    }

    [Fact]
    public void Should_SatisfyReplicaInvariants_When_RingIsRandom()
    {
        // Given random rings of 1-8 hosts with 1-16 tokens each (fixed seed: reproducible)
        var random = new Random(20261124);
        for (var round = 0; round < 200; round++)
        {
            var hosts = Enumerable.Range(0, random.Next(1, 9))
                .Select(i => (Host: new TestHost($"H{i}", $"dc{i % 2}", $"r{i % 3}"), Tokens: (IReadOnlyList<string>)[.. Enumerable.Range(0, random.Next(1, 17)).Select(_ => random.NextInt64(long.MinValue, long.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture))]))
                .ToList();
            var map = TokenMap.Build(hosts);
            var factor = random.Next(1, 5);
            map.SetKeyspace("simple", ReplicationStrategy.Simple(factor));
            map.SetKeyspace("nts", ReplicationStrategy.NetworkTopology([new("dc0", factor), new("dc1", 1)]));

            for (var probe = 0; probe < 20; probe++)
            {
                var token = random.NextInt64(long.MinValue, long.MaxValue);

                // Then SimpleStrategy: distinct, min(RF, hosts) many, the range owner first
                var simple = map.GetReplicas("simple", token);
                Assert.Equal(simple.Count, simple.Distinct().Count());
                Assert.Equal(Math.Min(factor, hosts.Count), simple.Count);
                Assert.Equal(map.GetPrimary(token), simple[0]);

                // And NetworkTopologyStrategy: per DC min(RF, nodes in DC), distinct
                var nts = map.GetReplicas("nts", token);
                Assert.Equal(nts.Count, nts.Distinct().Count());
                Assert.Equal(Math.Min(factor, hosts.Count(h => h.Host.Datacenter == "dc0")), nts.Count(h => h.Datacenter == "dc0"));
                Assert.Equal(Math.Min(1, hosts.Count(h => h.Host.Datacenter == "dc1")), nts.Count(h => h.Datacenter == "dc1"));
            }
        }
    }

    internal static string Names(IEnumerable<TestHost> hosts) => string.Join(',', hosts.Select(h => h.Name));
}
