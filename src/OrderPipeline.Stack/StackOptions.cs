using System.Globalization;
using System.Net;

namespace OrderPipeline.Stack;

/// Where a local stack lives: its loopback /24, its state folder and the shared install cache.
/// Two stacks with different subnets and state folders run side by side without clashing.
public sealed class StackOptions
{
    public const string SubnetVariable = "ORDERPIPELINE_STACK_SUBNET";
    public const string StateDirVariable = "ORDERPIPELINE_STACK_DIR";
    public const string CacheDirVariable = "ORDERPIPELINE_CACHE_DIR";
    public const string DefaultSubnet = "127.0.0";
    public const string ThriftVariable = "ORDERPIPELINE_STACK_THRIFT";

    private bool _cassandraThrift;

    private CassandraSecurityOptions _cassandraSecurity = CassandraSecurityOptions.None;

    /// The first three octets of a loopback address, e.g. "127.0.0" (default) or "127.0.10".
    public string Subnet { get; init; } = DefaultSubnet;

    /// Server configs, data, logs and the recorded PIDs. Default ~/.cache/orderpipeline/stack.
    public string StateDirectory { get; init; } = DefaultRoot("stack");

    /// Extracted Kafka and Cassandra distributions, shared by all stacks. Default ~/.cache/orderpipeline/dist.
    public string CacheDirectory { get; init; } = DefaultRoot("dist");

    /// How long `up` waits for every server to answer.
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(150);

    /// How long `down` waits after SIGTERM before SIGKILL.
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(20);

    public int ZooKeeperHeapMb { get; init; } = 256;
    public int KafkaHeapMb { get; init; } = 512;
    public int CassandraHeapMb { get; init; } = 512;
    public int CassandraNewGenMb { get; init; } = 128;

    /// Also start Cassandra's Thrift server (start_rpc, port 9160 on the node's own address). Off by default:
    /// CQL clients never use it; Cassandra 2.1's cassandra-stress needs it even in `-mode native cql3`.
    /// From ORDERPIPELINE_STACK_THRIFT=1 or `stack up --thrift`.
    public bool CassandraThrift { get => _cassandraThrift; init => _cassandraThrift = value; }

    /// A copy with <see cref="CassandraThrift"/> on (every other setting kept).
    public StackOptions WithCassandraThrift()
    {
        var copy = (StackOptions)MemberwiseClone();
        copy._cassandraThrift = true;
        return copy;
    }

    /// PasswordAuthenticator and client TLS for the Cassandra nodes; off by default.
    public CassandraSecurityOptions CassandraSecurity { get => _cassandraSecurity; init => _cassandraSecurity = value; }

    /// A copy with other Cassandra security settings (the other options are init-only).
    public StackOptions WithCassandraSecurity(CassandraSecurityOptions security)
    {
        var copy = (StackOptions)MemberwiseClone();
        copy._cassandraSecurity = security;
        return copy;
    }

    /// Options from ORDERPIPELINE_STACK_SUBNET, ORDERPIPELINE_STACK_DIR and ORDERPIPELINE_CACHE_DIR, else defaults.
    public static StackOptions FromEnvironment()
    {
        var options = new StackOptions
        {
            Subnet = NonEmpty(Environment.GetEnvironmentVariable(SubnetVariable)) ?? DefaultSubnet,
            StateDirectory = NonEmpty(Environment.GetEnvironmentVariable(StateDirVariable)) ?? DefaultRoot("stack"),
            CacheDirectory = NonEmpty(Environment.GetEnvironmentVariable(CacheDirVariable)) ?? DefaultRoot("dist"),
            CassandraThrift = NonEmpty(Environment.GetEnvironmentVariable(ThriftVariable)) is "1" or "true" or "yes",
        };
        options.Validate();
        return options;
    }

    /// Throws <see cref="StackException"/> (usage) when the subnet is not a loopback /24 prefix.
    public void Validate()
    {
        var parts = Subnet.Split('.');
        var valid = parts.Length == 3 && parts[0] == "127"
            && parts.Skip(1).All(p => byte.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _));
        if (!valid)
        {
            throw new StackException(StackErrorKind.Usage,
                $"Subnet '{Subnet}' is not a loopback /24 prefix such as 127.0.0 or 127.0.10 (set {SubnetVariable}).");
        }

        if (string.IsNullOrWhiteSpace(StateDirectory) || string.IsNullOrWhiteSpace(CacheDirectory))
        {
            throw new StackException(StackErrorKind.Usage, "The state and cache directories must not be empty.");
        }

        CassandraSecurity.Validate();
    }

    /// The address <subnet>.<host>.
    public IPAddress Address(int host) => IPAddress.Parse(Host(host));

    public string Host(int host) => string.Create(CultureInfo.InvariantCulture, $"{Subnet}.{host}");

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string DefaultRoot(string leaf)
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var root = string.IsNullOrWhiteSpace(cache) ? Path.Combine(home, ".cache") : cache;
        return Path.Combine(root, "orderpipeline", leaf);
    }
}
