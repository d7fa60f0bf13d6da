using System.Globalization;
using OrderPipeline.Stack.Install;

namespace OrderPipeline.Stack;

/// The java argument lists for each server, started directly (not through the distributions' shell scripts).
public static class JavaCommandLines
{
    // Cassandra 2.1 reaches into JDK internals that Java 17 closes by default (measured on this machine).
    private static readonly string[] CassandraOpens =
    [
        "java.lang", "java.lang.reflect", "java.util", "java.util.concurrent", "java.util.concurrent.atomic",
        "java.util.concurrent.locks", "java.io", "java.nio", "java.nio.channels", "sun.nio.ch", "java.net",
        "java.lang.ref", "java.security", "jdk.internal.misc", "jdk.internal.ref", "java.math", "java.text", "java.nio.charset", "sun.nio.cs",
        // java.nio.charset and sun.nio.cs: jamm measures prepared statements whose ascii/text types hold charset encoders.
        "sun.security.util",
    ];

    public static IReadOnlyList<string> ZooKeeper(StackOptions options, Distributions dist, ServerSpec zk) =>
    [
        .. Heap(options.ZooKeeperHeapMb),
        "-Djava.net.preferIPv4Stack=true",
        "-Djava.awt.headless=true",
        "-Dlog4j.configuration=file:" + Path.Combine(zk.Directory, "log4j.properties"),
        "-cp", string.Join(':', dist.KafkaClassPath()),
        "org.apache.zookeeper.server.quorum.QuorumPeerMain",
        Path.Combine(zk.Directory, "zk.properties"),
    ];

    public static IReadOnlyList<string> Kafka(StackOptions options, Distributions dist, ServerSpec broker) =>
    [
        .. Heap(options.KafkaHeapMb),
        GcLog(broker),
        "-Djava.net.preferIPv4Stack=true",
        "-Djava.awt.headless=true",
        // Kafka 0.9 unmaps index files through sun.nio.ch.DirectBuffer, closed by default on Java 17.
        "--add-opens", "java.base/java.nio=ALL-UNNAMED",
        "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-exports", "java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
        "-Dlog4j.configuration=file:" + Path.Combine(broker.Directory, "log4j.properties"),
        "-cp", string.Join(':', dist.KafkaClassPath()),
        "kafka.Kafka",
        Path.Combine(broker.Directory, "server.properties"),
    ];

    public static IReadOnlyList<string> Cassandra(StackOptions options, Distributions dist, ServerSpec node)
    {
        var conf = Path.Combine(node.Directory, "conf");
        var args = new List<string>
        {
            "-javaagent:" + Path.Combine(dist.CassandraHome, "lib", "jamm-0.2.6.jar"),
        };
        args.AddRange(CassandraHeap(options));
        args.Add(GcLog(node));
        args.AddRange(
        [
            "-Djava.net.preferIPv4Stack=true",
            "-Djava.awt.headless=true",
            "-Dcassandra-foreground=yes",
            "-Dcassandra.config=file://" + Path.Combine(conf, "cassandra.yaml"),
            "-Dlogback.configurationFile=" + Path.Combine(conf, "logback.xml"),
            "-Dcassandra.logdir=" + node.Directory,
            "-Dcassandra.storagedir=" + node.DataDirectory,
            "-Dcassandra.triggers_dir=" + Path.Combine(dist.CassandraHome, "conf", "triggers"),
            // A fresh local cluster has no gossip to settle; waiting would add seconds per node.
            "-Dcassandra.skip_wait_for_gossip_to_settle=0",
        ]);
        foreach (var package in CassandraOpens)
        {
            args.Add("--add-opens");
            args.Add($"java.base/{package}=ALL-UNNAMED");
        }

        args.AddRange(
        [
            "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-exports", "java.base/sun.nio.ch=ALL-UNNAMED",
            // The node's own conf folder first, so its logback.xml wins; a classpath wildcard is "lib/*".
            "-cp", conf + ":" + Path.Combine(dist.CassandraHome, "lib", "*"),
            "org.apache.cassandra.service.CassandraDaemon",
        ]);
        return args;
    }

    public static IReadOnlyList<string> TopicCommand(Distributions dist, string zookeeper, string topic, int partitions,
        int replicationFactor, IReadOnlyDictionary<string, string> configs)
    {
        var args = new List<string>
        {
            "-Xmx128m",
            "-Djava.net.preferIPv4Stack=true",
            "-Dlog4j.configuration=file:" + Path.Combine(dist.KafkaHome, "config", "tools-log4j.properties"),
            "-cp", string.Join(':', dist.KafkaClassPath()),
            "kafka.admin.TopicCommand",
            "--zookeeper", zookeeper,
            "--create",
            "--topic", topic,
            "--partitions", partitions.ToString(CultureInfo.InvariantCulture),
            "--replication-factor", replicationFactor.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in configs)
        {
            args.Add("--config");
            args.Add($"{key}={value}");
        }

        return args;
    }

    // Pauses explain latency tails (a stop-the-world collection holds every request in flight); the log keeps them
    // visible next to the server's own log, capped at two 5 MB files.
    private static string GcLog(ServerSpec server) =>
        "-Xlog:gc:file=" + Path.Combine(server.Directory, "gc.log") + ":time,uptime:filecount=2,filesize=5m";

    private static string[] Heap(int mb) =>
        [string.Create(CultureInfo.InvariantCulture, $"-Xms{mb}m"), string.Create(CultureInfo.InvariantCulture, $"-Xmx{mb}m")];

    private static string[] CassandraHeap(StackOptions options) =>
    [
        string.Create(CultureInfo.InvariantCulture, $"-Xms{options.CassandraHeapMb}m"),
        string.Create(CultureInfo.InvariantCulture, $"-Xmx{options.CassandraHeapMb}m"),
        string.Create(CultureInfo.InvariantCulture, $"-Xmn{options.CassandraNewGenMb}m"),
    ];
}
