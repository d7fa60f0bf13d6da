namespace OrderPipeline.Stack;

public enum ServerState
{
    /// The recorded process runs and answers its protocol.
    Up,

    /// The recorded process runs but does not answer (starting, hung or overloaded).
    NotAnswering,

    /// The recorded process is gone.
    Dead,

    /// Part of the topology but never started (an `up` that failed before reaching it).
    NotStarted,
}

public sealed record ServerStatus(ServerSpec Spec, ServerRecord? Record, ServerState State, long? ResidentBytes)
{
    public double? ResidentMegabytes => ResidentBytes / (1024.0 * 1024.0);
}

public enum StackHealth
{
    /// Every recorded server runs and answers.
    Running,

    /// Some servers run, others are down or not answering.
    Degraded,

    /// Nothing runs.
    NotRunning,
}

public sealed record StackStatus(StackHealth Health, StackTopology? Topology, IReadOnlyList<ServerStatus> Servers)
{
    /// CLI exit code: 0 running, 2 partly up or broken, 3 nothing running.
    public int ExitCode => Health switch
    {
        StackHealth.Running => 0,
        StackHealth.Degraded => 2,
        _ => 3,
    };
}

/// What `up` produced: the addresses clients use.
public sealed record StackInfo(StackLayout Layout, IReadOnlyList<ServerStatus> Servers, TimeSpan Elapsed, int Started)
{
    public StackTopology Topology => Layout.Topology;

    /// Kafka bootstrap servers, e.g. "127.0.0.1:9092,127.0.0.1:9093".
    public string BootstrapServers => Layout.BootstrapServers;

    /// Cassandra contact points as host:port.
    public IReadOnlyList<string> CassandraContactPoints => Layout.CassandraContactPoints;

    /// Cassandra node addresses without the port (all nodes use 9042).
    public IReadOnlyList<string> CassandraHosts => [.. Layout.CassandraNodes.Select(n => n.Host)];

    public static int CassandraPort => StackLayout.CassandraNativePort;

    public string ZooKeeperConnect => Layout.ZooKeeperConnect;
}

/// What `down` did.
public sealed record DownResult(IReadOnlyList<ServerRecord> Stopped, IReadOnlyList<ServerRecord> Killed, bool Wiped);
