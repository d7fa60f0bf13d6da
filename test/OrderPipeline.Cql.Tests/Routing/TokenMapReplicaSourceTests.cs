using System.Net;
using System.Text;
using OrderPipeline.Cql.Routing;

namespace OrderPipeline.Cql.Tests.Routing;

public class TokenMapReplicaSourceTests
{
    private static readonly IPEndPoint Node1 = new(IPAddress.Parse("127.0.21.1"), 9042);
    private static readonly IPEndPoint Node2 = new(IPAddress.Parse("127.0.21.2"), 9042);
    private static readonly IPEndPoint Node3 = new(IPAddress.Parse("127.0.21.3"), 9042);

    private static ClusterTopology Topology(string? partitioner = Murmur3Token.PartitionerClass, string node3Token = "100") => new(
        partitioner,
        [
            new TopologyNode(Node1, "dc1", "r1", ["-100"]),
            new TopologyNode(Node2, "dc1", "r2", ["0"]),
            new TopologyNode(Node3, "dc2", "r1", [node3Token]),
        ],
        [
            new KeyspaceReplication("simple", "org.apache.cassandra.locator.SimpleStrategy", new Dictionary<string, string> { ["replication_factor"] = "2" }),
            new KeyspaceReplication("nts", "org.apache.cassandra.locator.NetworkTopologyStrategy", new Dictionary<string, string> { ["dc1"] = "1", ["dc2"] = "1" }),
            new KeyspaceReplication("system", "org.apache.cassandra.locator.LocalStrategy", new Dictionary<string, string>()),
        ]);

    [Fact]
    public void Should_ReturnReplicaEndpoints_When_KeyspaceIsRoutable()
    {
        // Given the token of "123" (-7468325962851647638) falls in Node1's wrapping range (100, -100]
        var source = TokenMapReplicaSource.Create(Topology());
        var key = Encoding.ASCII.GetBytes("123");

        // Then SimpleStrategy RF 2 answers Node1 then Node2; NTS one per DC answers Node1 then Node3
        Assert.NotNull(source);
        Assert.Equal([Node1, Node2], source.GetReplicas("simple", key));
        Assert.Equal([Node1, Node3], source.GetReplicas("nts", key));
    }

    [Fact]
    public void Should_ReturnNull_When_KeyspaceUnknownOrLocal()
    {
        var source = TokenMapReplicaSource.Create(Topology())!;

        Assert.Null(source.GetReplicas("unknown", [1]));
        Assert.Null(source.GetReplicas("system", [1]));
    }

    [Theory]
    [InlineData("org.apache.cassandra.dht.RandomPartitioner")]
    [InlineData(null)]
    public void Should_NotRoute_When_PartitionerIsNotMurmur3(string? partitioner)
    {
        Assert.Null(TokenMapReplicaSource.Create(Topology(partitioner)));
    }

    [Fact]
    public void Should_NotRoute_When_ATokenIsMalformed()
    {
        Assert.Null(TokenMapReplicaSource.Create(Topology(node3Token: "not-a-token")));
    }

    [Fact]
    public void Should_AcceptShortPartitionerName_When_Reported()
    {
        Assert.NotNull(TokenMapReplicaSource.Create(Topology("Murmur3Partitioner")));
    }
}
