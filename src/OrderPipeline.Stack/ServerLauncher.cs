using System.ComponentModel;
using OrderPipeline.Stack.Config;
using OrderPipeline.Stack.Install;
using OrderPipeline.Stack.Processes;

namespace OrderPipeline.Stack;

/// Writes a server's config files into its folder and starts its JVM detached.
internal sealed class ServerLauncher
{
    private readonly StackLayout _layout;
    private readonly Distributions _dist;
    private readonly string _java;

    public ServerLauncher(StackLayout layout, Distributions dist, string java)
    {
        _layout = layout;
        _dist = dist;
        _java = java;
    }

    public ServerRecord Start(ServerSpec spec)
    {
        Directory.CreateDirectory(spec.DataDirectory);
        var args = spec.Kind switch
        {
            ServerKind.ZooKeeper => PrepareZooKeeper(spec),
            ServerKind.Kafka => PrepareKafka(spec),
            ServerKind.Cassandra => PrepareCassandra(spec),
            _ => throw new ArgumentOutOfRangeException(nameof(spec)),
        };

        File.AppendAllText(spec.LogPath, $"{Environment.NewLine}==== orderpipeline stack: starting {spec.Name} at {DateTimeOffset.UtcNow:O}{Environment.NewLine}");
        int pid;
        try
        {
            pid = DetachedProcess.Start(_java, args, spec.Directory, spec.LogPath);
        }
        catch (Win32Exception ex)
        {
            throw new StackException(StackErrorKind.Prerequisite, $"Could not start {spec.Name} with {_java}: {ex.Message}", ex);
        }

        var ticks = ProcessTable.StartTicks(pid) ?? 0;
        return new ServerRecord(spec.Kind, spec.Index, spec.Host, spec.Port, pid, ticks, spec.LogPath);
    }

    private IReadOnlyList<string> PrepareZooKeeper(ServerSpec spec)
    {
        File.WriteAllText(Path.Combine(spec.Directory, "zk.properties"), ZooKeeperConfig.Properties(spec));
        File.WriteAllText(Path.Combine(spec.Directory, "log4j.properties"), Log4jConfig.Properties);
        return JavaCommandLines.ZooKeeper(_layout.Options, _dist, spec);
    }

    private IReadOnlyList<string> PrepareKafka(ServerSpec spec)
    {
        File.WriteAllText(Path.Combine(spec.Directory, "server.properties"), KafkaConfig.ServerProperties(_layout, spec));
        File.WriteAllText(Path.Combine(spec.Directory, "log4j.properties"), Log4jConfig.Properties);
        return JavaCommandLines.Kafka(_layout.Options, _dist, spec);
    }

    private IReadOnlyList<string> PrepareCassandra(ServerSpec spec)
    {
        var conf = Path.Combine(spec.Directory, "conf");
        Directory.CreateDirectory(conf);
        // Created up front so Cassandra does not log an ERROR for each missing folder on a fresh node.
        foreach (var sub in new[] { "data", "commitlog", "saved_caches" })
        {
            Directory.CreateDirectory(Path.Combine(spec.DataDirectory, sub));
        }

        File.WriteAllText(Path.Combine(conf, "cassandra.yaml"), CassandraConfig.Yaml(_layout, spec, _dist.CassandraDefaultsJson));
        File.WriteAllText(Path.Combine(conf, "logback.xml"), CassandraConfig.LogbackXml);
        return JavaCommandLines.Cassandra(_layout.Options, _dist, spec);
    }
}
