using OrderPipeline.Stack;
using OrderPipeline.Stack.Install;

namespace OrderPipeline.Stack.Tests.Unit;

public sealed class JavaCommandLineTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("op-stack-unit-").FullName;
    private readonly Distributions _dist;
    private readonly StackLayout _layout = new(new StackOptions { Subnet = "127.0.42", StateDirectory = "/tmp/s" }, StackTopology.OneEach);

    public JavaCommandLineTests()
    {
        var libs = Directory.CreateDirectory(Path.Combine(_root, "kafka", "libs")).FullName;
        foreach (var jar in new[] { "kafka_2.11-0.9.0.1.jar", "kafka_2.11-0.9.0.1-javadoc.jar", "kafka_2.11-0.9.0.1-scaladoc.jar",
            "kafka_2.11-0.9.0.1-sources.jar", "kafka_2.11-0.9.0.1-test.jar", "zookeeper-3.4.6.jar", "kafka_2.11-0.9.0.1.jar.asc" })
        {
            File.WriteAllText(Path.Combine(libs, jar), "");
        }

        _dist = new Distributions(Path.Combine(_root, "kafka"), Path.Combine(_root, "cassandra"), "{}");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Should_LeaveOutDocSourceAndTestJars_When_BuildingKafkaClassPath()
    {
        var cp = _dist.KafkaClassPath().Select(Path.GetFileName).ToList();

        Assert.Equal(["config", "kafka_2.11-0.9.0.1.jar", "zookeeper-3.4.6.jar"], cp);
    }

    [Fact]
    public void Should_SizeHeapsAsConfigured_When_BuildingServerCommands()
    {
        var options = _layout.Options;

        Assert.Contains("-Xmx256m", JavaCommandLines.ZooKeeper(options, _dist, _layout.ZooKeeper));
        Assert.Contains("-Xmx512m", JavaCommandLines.Kafka(options, _dist, _layout.KafkaBrokers[0]));
        var cassandra = JavaCommandLines.Cassandra(options, _dist, _layout.CassandraNodes[0]);
        Assert.Contains("-Xms512m", cassandra);
        Assert.Contains("-Xmx512m", cassandra);
        Assert.Contains("-Xmn128m", cassandra);
    }

    [Fact]
    public void Should_OpenJdkInternalsAndUseNodeConf_When_BuildingCassandraCommand()
    {
        var args = JavaCommandLines.Cassandra(_layout.Options, _dist, _layout.CassandraNodes[0]);

        Assert.StartsWith("-javaagent:", args[0], StringComparison.Ordinal);
        Assert.EndsWith("jamm-0.2.6.jar", args[0], StringComparison.Ordinal);
        Assert.Contains("java.base/sun.nio.ch=ALL-UNNAMED", args);
        Assert.Contains("java.base/jdk.internal.misc=ALL-UNNAMED", args);
        Assert.Equal(18, args.Count(a => a == "--add-opens"));
        Assert.Contains("-Dcassandra-foreground=yes", args);
        Assert.Contains("-Dcassandra.config=file:///tmp/s/cassandra-0/conf/cassandra.yaml", args);
        var cp = args[args.ToList().IndexOf("-cp") + 1];
        Assert.StartsWith("/tmp/s/cassandra-0/conf:", cp, StringComparison.Ordinal);
        Assert.EndsWith("/lib/*", cp, StringComparison.Ordinal);
        Assert.Equal("org.apache.cassandra.service.CassandraDaemon", args[^1]);
    }

    [Fact]
    public void Should_PassTopicConfigs_When_BuildingTopicCommand()
    {
        var args = JavaCommandLines.TopicCommand(_dist, "127.0.42.1:2181", "t", 3, 3, new Dictionary<string, string> { ["min.insync.replicas"] = "2" });

        var joined = string.Join(' ', args);
        Assert.Contains("kafka.admin.TopicCommand --zookeeper 127.0.42.1:2181 --create --topic t --partitions 3 --replication-factor 3", joined, StringComparison.Ordinal);
        Assert.Contains("--config min.insync.replicas=2", joined, StringComparison.Ordinal);
    }
}
