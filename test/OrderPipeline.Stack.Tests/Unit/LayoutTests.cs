using OrderPipeline.Stack;

namespace OrderPipeline.Stack.Tests.Unit;

public class LayoutTests
{
    [Fact]
    public void Should_PlaceServersOnTheDocumentedAddresses_When_SubnetGiven()
    {
        var options = new StackOptions { Subnet = "127.0.13", StateDirectory = "/tmp/s", CacheDirectory = "/tmp/c" };

        var layout = new StackLayout(options, new StackTopology(3, 3));

        Assert.Equal("127.0.13.1:2181", layout.ZooKeeper.Endpoint);
        Assert.Equal("127.0.13.1:9092,127.0.13.1:9093,127.0.13.1:9094", layout.BootstrapServers);
        Assert.Equal(["127.0.13.1:9042", "127.0.13.2:9042", "127.0.13.3:9042"], layout.CassandraContactPoints);
        Assert.Equal([("127.0.13.2", 9042), ("127.0.13.2", 7000)], layout.CassandraNodes[1].BoundAddresses);
        Assert.Equal(7, layout.All.Count);
        Assert.Equal("/tmp/s/cassandra-2/server.log", layout.CassandraNodes[2].LogPath);
    }

    [Theory]
    [InlineData("10.0.0")]
    [InlineData("127.0")]
    [InlineData("127.0.256")]
    [InlineData("127.0.x")]
    [InlineData("127.0.0.1")]
    public void Should_RejectSubnet_When_NotALoopbackPrefix(string subnet)
    {
        var options = new StackOptions { Subnet = subnet };

        var ex = Assert.Throws<StackException>(options.Validate);

        Assert.Equal(StackErrorKind.Usage, ex.Kind);
        Assert.Contains(subnet, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(4, 1)]
    [InlineData(1, 0)]
    [InlineData(1, 4)]
    public void Should_RejectTopology_When_OutOfRange(int brokers, int nodes)
    {
        var ex = Assert.Throws<StackException>(() => new StackTopology(brokers, nodes));

        Assert.Equal(StackErrorKind.Usage, ex.Kind);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    public void Should_CapReplicationAtThree_When_BrokersGiven(int brokers, int expected) =>
        Assert.Equal(expected, new StackTopology(brokers, 1).ReplicationFactor);

    [Fact]
    public void Should_DefaultToHomeCache_When_NoEnvironment()
    {
        var options = new StackOptions();

        Assert.Equal("127.0.0", options.Subnet);
        Assert.EndsWith("orderpipeline/stack", options.StateDirectory, StringComparison.Ordinal);
        Assert.EndsWith("orderpipeline/dist", options.CacheDirectory, StringComparison.Ordinal);
    }
}
