using OrderPipeline.Cql.Routing;

namespace OrderPipeline.Cql.Tests.Routing;

public class ReplicationCalculatorTests
{
    // Ring (clockwise): A@0 dc1/r1, D@10 dc2/r1, C@20 dc1/r1, E@30 dc2/r1, B@40 dc1/r2
    private static readonly TestHost A = new("A", "dc1", "r1");
    private static readonly TestHost B = new("B", "dc1", "r2");
    private static readonly TestHost C = new("C", "dc1", "r1");
    private static readonly TestHost D = new("D", "dc2", "r1");
    private static readonly TestHost E = new("E", "dc2", "r1");

    private static TokenMap<TestHost> TwoDatacenters() =>
        TokenMap.Build<TestHost>([(A, ["0"]), (D, ["10"]), (C, ["20"]), (E, ["30"]), (B, ["40"])]);

    [Fact]
    public void Should_PreferUnseenRack_When_NetworkTopologyStrategy()
    {
        // Given dc1 RF 2 and dc2 RF 1
        var map = TwoDatacenters();
        map.SetKeyspace("ks", ReplicationStrategy.NetworkTopology([new("dc1", 2), new("dc2", 1)]));

        // When a key owned by A is routed
        var replicas = map.GetReplicas("ks", 0L);

        // Then C (same rack as A) is passed over for B on rack r2; dc2 takes D, the first dc2 node
        Assert.Equal("A,D,B", TokenMapTests.Names(replicas));
    }

    [Fact]
    public void Should_FillFromSkippedNodes_When_EveryRackHasAReplica()
    {
        // Given dc1 RF 3 over racks r1 (A, C) and r2 (B)
        var map = TwoDatacenters();
        map.SetKeyspace("ks", ReplicationStrategy.NetworkTopology([new("dc1", 3)]));

        // Then B fills r2 first, then the skipped C is taken: rack order, not ring order
        Assert.Equal("A,B,C", TokenMapTests.Names(map.GetReplicas("ks", 0L)));
    }

    [Fact]
    public void Should_DifferFromSimpleStrategy_When_RacksMatter()
    {
        var map = TwoDatacenters();
        map.SetKeyspace("simple", ReplicationStrategy.Simple(3));

        Assert.Equal("A,D,C", TokenMapTests.Names(map.GetReplicas("simple", 0L)));
    }

    [Fact]
    public void Should_CapFactorAtNodesInDatacenter_When_FactorTooLarge()
    {
        var map = TwoDatacenters();
        map.SetKeyspace("ks", ReplicationStrategy.NetworkTopology([new("dc1", 5), new("dc2", 7)]));

        var replicas = map.GetReplicas("ks", 15L);

        // Walk from C@20: C(dc1 r1), E(dc2), B(dc1 r2: all racks seen), A(dc1), D(dc2)
        Assert.Equal("C,E,B,A,D", TokenMapTests.Names(replicas));
    }

    [Fact]
    public void Should_IgnoreDatacenter_When_ItHasNoNodesOrIsNotListed()
    {
        var map = TwoDatacenters();
        map.SetKeyspace("ks", ReplicationStrategy.NetworkTopology([new("dc2", 2), new("dc9", 3)]));

        Assert.Equal("D,E", TokenMapTests.Names(map.GetReplicas("ks", 0L)));
    }

    [Fact]
    public void Should_TakeRingOrder_When_DatacenterHasOneRack()
    {
        var map = TwoDatacenters();
        map.SetKeyspace("ks", ReplicationStrategy.NetworkTopology([new("dc2", 2)]));

        Assert.Equal("E,D", TokenMapTests.Names(map.GetReplicas("ks", 25L)));
    }

    [Fact]
    public void Should_TreatMissingRackAsOneRack_When_RackUnknown()
    {
        var x = new TestHost("X", "dc1", null);
        var y = new TestHost("Y", "dc1", null);
        var z = new TestHost("Z", "dc1", "r2");
        var map = TokenMap.Build<TestHost>([(x, ["0"]), (y, ["10"]), (z, ["20"])]);
        map.SetKeyspace("ks", ReplicationStrategy.NetworkTopology([new("dc1", 2)]));

        Assert.Equal("X,Z", TokenMapTests.Names(map.GetReplicas("ks", 0L)));
    }

    [Fact]
    public void Should_ReturnSameTable_When_KeyspacesShareSettings()
    {
        // Given two keyspaces with equal settings (distinct instances)
        var map = TwoDatacenters();
        map.SetKeyspace("one", ReplicationStrategy.NetworkTopology([new("dc1", 2)]));
        map.SetKeyspace("two", ReplicationStrategy.NetworkTopology([new("dc1", 2)]));

        // Then they answer with the very same replica list instance
        Assert.Same(map.GetReplicas("one", 5L), map.GetReplicas("two", 5L));
    }

    [Fact]
    public void Should_CompareByValue_When_StrategiesAreEqual()
    {
        Assert.Equal(ReplicationStrategy.Simple(3), ReplicationStrategy.Simple(3));
        Assert.NotEqual(ReplicationStrategy.Simple(3), ReplicationStrategy.Simple(2));
        Assert.Equal(
            ReplicationStrategy.NetworkTopology([new("a", 1), new("b", 2)]),
            ReplicationStrategy.NetworkTopology([new("b", 2), new("a", 1)]));
        Assert.NotEqual(
            ReplicationStrategy.NetworkTopology([new("a", 1)]),
            ReplicationStrategy.NetworkTopology([new("a", 2)]));
        Assert.Equal(
            ReplicationStrategy.Simple(3).GetHashCode(),
            ReplicationStrategy.Simple(3).GetHashCode());
    }
}
