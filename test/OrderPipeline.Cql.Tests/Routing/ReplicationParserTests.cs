using OrderPipeline.Cql.Routing;

namespace OrderPipeline.Cql.Tests.Routing;

public class ReplicationParserTests
{
    [Fact]
    public void Should_ParseSimpleStrategy_When_SchemaKeyspacesRowFrom2x()
    {
        // Given Cassandra 2.1's system.schema_keyspaces columns
        var strategy = ReplicationParser.FromSchemaKeyspaces(
            "org.apache.cassandra.locator.SimpleStrategy", "{\"replication_factor\":\"3\"}");

        Assert.Equal(ReplicationKind.Simple, strategy.Kind);
        Assert.Equal(3, strategy.ReplicationFactor);
    }

    [Fact]
    public void Should_ParseNetworkTopology_When_SchemaKeyspacesRowFrom2x()
    {
        var strategy = ReplicationParser.FromSchemaKeyspaces(
            "org.apache.cassandra.locator.NetworkTopologyStrategy", "{\"dc1\":\"3\",\"dc2\":\"2\"}");

        Assert.Equal(ReplicationKind.NetworkTopology, strategy.Kind);
        Assert.Equal(3, strategy.DatacenterFactors["dc1"]);
        Assert.Equal(2, strategy.DatacenterFactors["dc2"]);
    }

    [Fact]
    public void Should_ParseLocalStrategy_When_SystemKeyspace()
    {
        var strategy = ReplicationParser.FromSchemaKeyspaces("org.apache.cassandra.locator.LocalStrategy", "{}");

        Assert.Equal(ReplicationKind.Local, strategy.Kind);
        Assert.False(strategy.IsRoutable);
    }

    [Fact]
    public void Should_ParseReplicationMap_When_SystemSchemaKeyspacesRowFrom3x()
    {
        var simple = ReplicationParser.FromReplicationMap(new Dictionary<string, string>
        {
            ["class"] = "org.apache.cassandra.locator.SimpleStrategy",
            ["replication_factor"] = "2",
        });
        var nts = ReplicationParser.FromReplicationMap(new Dictionary<string, string>
        {
            ["class"] = "org.apache.cassandra.locator.NetworkTopologyStrategy",
            ["us-east"] = "3",
            ["eu-west"] = "1",
        });

        Assert.Equal(ReplicationStrategy.Simple(2), simple);
        Assert.Equal(ReplicationStrategy.NetworkTopology([new("us-east", 3), new("eu-west", 1)]), nts);
    }

    [Fact]
    public void Should_CountAllReplicas_When_TransientReplicationFactor()
    {
        // Cassandra 4.0 writes "total/transient"
        var strategy = ReplicationParser.FromReplicationMap(new Dictionary<string, string>
        {
            ["class"] = "NetworkTopologyStrategy",
            ["dc1"] = "3/1",
        });

        Assert.Equal(3, strategy.DatacenterFactors["dc1"]);
    }

    [Fact]
    public void Should_AcceptShortClassName_When_NotQualified()
    {
        var strategy = ReplicationParser.FromClassAndOptions("SimpleStrategy", [new("replication_factor", "1")]);

        Assert.Equal(ReplicationStrategy.Simple(1), strategy);
    }

    [Fact]
    public void Should_AcceptNumericJsonValues_When_OptionsNotQuoted()
    {
        var strategy = ReplicationParser.FromSchemaKeyspaces("SimpleStrategy", "{\"replication_factor\": 2}");

        Assert.Equal(ReplicationStrategy.Simple(2), strategy);
    }

    [Fact]
    public void Should_ParseEverywhere_When_DseStrategy()
    {
        var strategy = ReplicationParser.FromReplicationMap(new Dictionary<string, string>
        {
            ["class"] = "org.apache.cassandra.locator.EverywhereStrategy",
        });

        Assert.Equal(ReplicationKind.Everywhere, strategy.Kind);
        Assert.True(strategy.IsRoutable);
    }

    [Theory]
    [InlineData("com.example.CustomStrategy", "{\"replication_factor\":\"3\"}")]
    [InlineData("org.apache.cassandra.locator.SimpleStrategy", "{}")]
    [InlineData("org.apache.cassandra.locator.SimpleStrategy", "{\"replication_factor\":\"three\"}")]
    [InlineData("org.apache.cassandra.locator.SimpleStrategy", "not json")]
    [InlineData("org.apache.cassandra.locator.SimpleStrategy", "[1]")]
    [InlineData("org.apache.cassandra.locator.NetworkTopologyStrategy", "{\"dc1\":\"-1\"}")]
    [InlineData("org.apache.cassandra.locator.NetworkTopologyStrategy", "{\"dc1\":{\"x\":1}}")]
    public void Should_BeUnsupported_When_SettingsCannotBeInterpreted(string className, string options)
    {
        var strategy = ReplicationParser.FromSchemaKeyspaces(className, options);

        Assert.Equal(ReplicationKind.Unsupported, strategy.Kind);
        Assert.False(strategy.IsRoutable);
    }

    [Fact]
    public void Should_BeUnsupported_When_ReplicationMapHasNoClass()
    {
        var strategy = ReplicationParser.FromReplicationMap(new Dictionary<string, string> { ["replication_factor"] = "1" });

        Assert.Equal(ReplicationKind.Unsupported, strategy.Kind);
    }
}
