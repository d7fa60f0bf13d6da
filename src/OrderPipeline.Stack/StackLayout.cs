using System.Globalization;

namespace OrderPipeline.Stack;

/// One server's place in a stack: its address, port and folder.
public sealed record ServerSpec(ServerKind Kind, int Index, string Host, int Port, string Directory)
{
    public string Name => Kind == ServerKind.ZooKeeper
        ? "zookeeper"
        : string.Create(CultureInfo.InvariantCulture, $"{Kind.ToString().ToLowerInvariant()}-{Index}");

    public string Endpoint => string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}");

    public string LogPath => Path.Combine(Directory, "server.log");

    public string DataDirectory => Path.Combine(Directory, "data");

    /// A Cassandra node whose native port speaks only TLS (probes must wrap their connection).
    public bool ClientTls { get; init; }

    /// A Cassandra node that demands a login after STARTUP (probes cannot query it).
    public bool PasswordAuthentication { get; init; }

    /// Every TCP address the server binds, so a foreign holder is found before it starts.
    public IReadOnlyList<(string Host, int Port)> BoundAddresses => Kind == ServerKind.Cassandra
        ? [(Host, Port), (Host, StackLayout.CassandraStoragePort)]
        : [(Host, Port)];
}

/// The fixed address plan: ZooKeeper at .1:2181, broker i at .1:(9092+i), Cassandra node i at .(i+1):9042
/// with its storage port 7000 on the same IP.
public sealed class StackLayout
{
    public const int ZooKeeperPort = 2181;
    public const int KafkaBasePort = 9092;
    public const int CassandraNativePort = 9042;
    public const int CassandraStoragePort = 7000;

    public StackLayout(StackOptions options, StackTopology topology)
    {
        Options = options;
        Topology = topology;
    }

    public StackOptions Options { get; }

    public StackTopology Topology { get; }

    public ServerSpec ZooKeeper => Spec(ServerKind.ZooKeeper, 0);

    public IReadOnlyList<ServerSpec> KafkaBrokers =>
        [.. Enumerable.Range(0, Topology.KafkaBrokers).Select(i => Spec(ServerKind.Kafka, i))];

    public IReadOnlyList<ServerSpec> CassandraNodes =>
        [.. Enumerable.Range(0, Topology.CassandraNodes).Select(i => Spec(ServerKind.Cassandra, i))];

    public IReadOnlyList<ServerSpec> All => [ZooKeeper, .. KafkaBrokers, .. CassandraNodes];

    /// Comma-separated Kafka bootstrap servers for clients.
    public string BootstrapServers => string.Join(',', KafkaBrokers.Select(b => b.Endpoint));

    /// Cassandra contact points (host:port) for clients.
    public IReadOnlyList<string> CassandraContactPoints => [.. CassandraNodes.Select(n => n.Endpoint)];

    public string ZooKeeperConnect => ZooKeeper.Endpoint;

    public string SeedHost => Options.Host(1);

    public ServerSpec Spec(ServerKind kind, int index) => kind switch
    {
        ServerKind.ZooKeeper => new(kind, 0, Options.Host(1), ZooKeeperPort, Path.Combine(Options.StateDirectory, "zookeeper")),
        ServerKind.Kafka => new(kind, index, Options.Host(1), KafkaBasePort + index, Dir("kafka", index)),
        ServerKind.Cassandra => new(kind, index, Options.Host(index + 1), CassandraNativePort, Dir("cassandra", index))
        {
            ClientTls = Options.CassandraSecurity.ClientEncryption is not null,
            PasswordAuthentication = Options.CassandraSecurity.PasswordAuthentication,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private string Dir(string prefix, int index) =>
        Path.Combine(Options.StateDirectory, string.Create(CultureInfo.InvariantCulture, $"{prefix}-{index}"));
}
