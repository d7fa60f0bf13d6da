using System.Text.Json.Nodes;
using OrderPipeline.Stack;
using OrderPipeline.Stack.Config;

namespace OrderPipeline.Stack.Tests.Unit;

public class ConfigGenerationTests
{
    // A slice of the package's cassandra.json defaults, including its "\/" escapes.
    private const string PackageDefaults = """
        {"cluster_name": "Test Cluster", "num_tokens": 256, "listen_address": "localhost", "rpc_address": "localhost",
         "start_rpc": true, "key_cache_size_in_mb": null,
         "seed_provider": [{"class_name": "org.apache.cassandra.locator.SimpleSeedProvider", "parameters": [{"seeds": "127.0.0.1"}]}],
         "server_encryption_options": {"keystore": "conf\/.keystore"}}
        """;

    private static readonly StackOptions Options = new() { Subnet = "127.0.42", StateDirectory = "/tmp/op-unit", CacheDirectory = "/tmp/op-unit-cache" };

    private static Dictionary<string, string> ParseProperties(string text) => text
        .Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Where(l => !l.StartsWith('#'))
        .Select(l => l.Split('=', 2))
        .ToDictionary(kv => kv[0], kv => kv[1]);

    private static JsonObject ParseYaml(string yaml) =>
        JsonNode.Parse(string.Join('\n', yaml.Split('\n').Where(l => !l.StartsWith('#'))))!.AsObject();

    [Fact]
    public void Should_GiveEachBrokerItsOwnIdListenerAndLogDir_When_ThreeBrokers()
    {
        // Given a 3-broker layout on 127.0.42
        var layout = new StackLayout(Options, new StackTopology(3, 1));

        // When each broker's server.properties is generated
        var props = layout.KafkaBrokers.Select(b => ParseProperties(KafkaConfig.ServerProperties(layout, b))).ToList();

        // Then ids, listeners and log dirs are distinct and the cluster-wide settings match the topology
        Assert.Equal(["0", "1", "2"], props.Select(p => p["broker.id"]));
        Assert.Equal(["PLAINTEXT://127.0.42.1:9092", "PLAINTEXT://127.0.42.1:9093", "PLAINTEXT://127.0.42.1:9094"], props.Select(p => p["listeners"]));
        Assert.All(props, p => Assert.Equal(p["listeners"], p["advertised.listeners"]));
        Assert.Equal(3, props.Select(p => p["log.dirs"]).Distinct().Count());
        Assert.All(props, p => Assert.StartsWith("/tmp/op-unit/kafka-", p["log.dirs"], StringComparison.Ordinal));
        Assert.All(props, p => Assert.Equal("127.0.42.1:2181", p["zookeeper.connect"]));
        Assert.All(props, p => Assert.Equal("3", p["offsets.topic.replication.factor"]));
        Assert.All(props, p => Assert.Equal("10", p["offsets.topic.num.partitions"]));
        Assert.All(props, p => Assert.Equal("300000", p["group.max.session.timeout.ms"]));
        Assert.All(props, p => Assert.Equal("true", p["delete.topic.enable"]));
    }

    [Fact]
    public void Should_UseReplicationFactorOne_When_OneBroker()
    {
        var layout = new StackLayout(Options, StackTopology.OneEach);

        var props = ParseProperties(KafkaConfig.ServerProperties(layout, layout.KafkaBrokers[0]));

        Assert.Equal("1", props["offsets.topic.replication.factor"]);
        Assert.Equal("1", props["default.replication.factor"]);
    }

    [Fact]
    public void Should_BindZooKeeperToTheSubnetOnly_When_Generated()
    {
        var layout = new StackLayout(Options, StackTopology.OneEach);

        var props = ParseProperties(ZooKeeperConfig.Properties(layout.ZooKeeper));

        Assert.Equal("127.0.42.1", props["clientPortAddress"]);
        Assert.Equal("2181", props["clientPort"]);
        Assert.Equal("/tmp/op-unit/zookeeper/data", props["dataDir"]);
    }

    [Fact]
    public void Should_PutEachCassandraNodeOnItsOwnAddressAndFolders_When_ThreeNodes()
    {
        // Given a 3-node layout
        var layout = new StackLayout(Options, new StackTopology(1, 3));

        // When each node's cassandra.yaml is generated from the package defaults
        var yamls = layout.CassandraNodes.Select(n => ParseYaml(CassandraConfig.Yaml(layout, n, PackageDefaults))).ToList();

        // Then addresses are .1, .2, .3 and every node seeds from .1 with its own directories
        Assert.Equal(["127.0.42.1", "127.0.42.2", "127.0.42.3"], yamls.Select(y => (string)y["listen_address"]!));
        Assert.All(yamls, y => Assert.Equal((string)y["listen_address"]!, (string)y["rpc_address"]!));
        Assert.All(yamls, y => Assert.Equal("127.0.42.1", (string)y["seed_provider"]![0]!["parameters"]![0]!["seeds"]!));
        Assert.Equal(3, yamls.Select(y => (string)y["commitlog_directory"]!).Distinct().Count());
        Assert.Equal("/tmp/op-unit/cassandra-1/data/data", (string)yamls[1]["data_file_directories"]![0]!);
        Assert.All(yamls, y => Assert.Equal("standard", (string)y["disk_access_mode"]!));
        Assert.All(yamls, y => Assert.False((bool)y["auto_bootstrap"]!));
        Assert.All(yamls, y => Assert.Equal("offheap_objects", (string)y["memtable_allocation_type"]!));
        Assert.All(yamls, y => Assert.False((bool)y["start_rpc"]!));
        Assert.All(yamls, y => Assert.Equal(9042, (int)y["native_transport_port"]!));
        Assert.All(yamls, y => Assert.Equal(7000, (int)y["storage_port"]!));
        // Package defaults not overridden are kept.
        Assert.All(yamls, y => Assert.Equal(256, (int)y["num_tokens"]!));
        Assert.All(yamls, y => Assert.Null(y["key_cache_size_in_mb"]));
    }

    [Fact]
    public void Should_StartThriftOnTheNodesOwnAddress_When_ThriftIsOn()
    {
        // Given a 2-node layout with Thrift requested (as `stack up --thrift` does), other settings kept
        var options = Options.WithCassandraThrift();
        Assert.Equal(Options.Subnet, options.Subnet);
        Assert.False(Options.CassandraThrift);
        var layout = new StackLayout(options, new StackTopology(1, 2));

        // When each node's cassandra.yaml is generated
        var yamls = layout.CassandraNodes.Select(n => ParseYaml(CassandraConfig.Yaml(layout, n, PackageDefaults))).ToList();

        // Then Thrift listens on port 9160 of each node's own address
        Assert.All(yamls, y => Assert.True((bool)y["start_rpc"]!));
        Assert.All(yamls, y => Assert.Equal(9160, (int)y["rpc_port"]!));
        Assert.Equal(["127.0.42.1", "127.0.42.2"], yamls.Select(y => (string)y["rpc_address"]!));
    }

    [Fact]
    public void Should_WriteNoBackslashSlashEscapes_When_DefaultsContainThem()
    {
        var layout = new StackLayout(Options, StackTopology.OneEach);

        var yaml = CassandraConfig.Yaml(layout, layout.CassandraNodes[0], PackageDefaults);

        // snakeyaml 1.11 (YAML 1.1) rejects "\/".
        Assert.DoesNotContain("\\/", yaml, StringComparison.Ordinal);
        Assert.Contains("conf/.keystore", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_LogAtInfoToStdout_When_LogbackGenerated()
    {
        Assert.Contains("<root level=\"INFO\">", CassandraConfig.LogbackXml, StringComparison.Ordinal);
        Assert.DoesNotContain("DEBUG", CassandraConfig.LogbackXml, StringComparison.Ordinal);
    }
}
