using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace OrderPipeline.Cql.Routing;

/// <summary>The families of replica placement the token map knows how to compute.</summary>
internal enum ReplicationKind
{
    /// <summary>SimpleStrategy: the next N distinct nodes clockwise on the ring.</summary>
    Simple,

    /// <summary>NetworkTopologyStrategy: N replicas per datacenter, spread over distinct racks first.</summary>
    NetworkTopology,

    /// <summary>LocalStrategy (system keyspaces): data lives on every node for itself; no routing.</summary>
    Local,

    /// <summary>EverywhereStrategy (DSE): every node is a replica.</summary>
    Everywhere,

    /// <summary>A strategy this client cannot compute (custom class, malformed options): no routing.</summary>
    Unsupported,
}

/// <summary>
/// A keyspace's replication settings, value-equal so that keyspaces with identical settings share one
/// precomputed replica table in the <see cref="TokenMap{THost}"/>.
/// </summary>
internal sealed class ReplicationStrategy : IEquatable<ReplicationStrategy>
{
    private static readonly FrozenDictionary<string, int> NoDatacenters = FrozenDictionary<string, int>.Empty;

    private readonly string _identity;

    private ReplicationStrategy(ReplicationKind kind, int replicationFactor, FrozenDictionary<string, int> datacenters, string className)
    {
        Kind = kind;
        ReplicationFactor = replicationFactor;
        DatacenterFactors = datacenters;
        ClassName = className;
        _identity = BuildIdentity();
    }

    public ReplicationKind Kind { get; }

    /// <summary>The replication factor of a SimpleStrategy keyspace (0 for other kinds).</summary>
    public int ReplicationFactor { get; }

    /// <summary>Replicas per datacenter of a NetworkTopologyStrategy keyspace (empty for other kinds).</summary>
    public IReadOnlyDictionary<string, int> DatacenterFactors { get; }

    /// <summary>The strategy class as the server reported it.</summary>
    public string ClassName { get; }

    /// <summary>Whether replicas can be computed for this strategy.</summary>
    public bool IsRoutable => Kind is ReplicationKind.Simple or ReplicationKind.NetworkTopology or ReplicationKind.Everywhere;

    public static ReplicationStrategy Simple(int replicationFactor)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(replicationFactor);
        return new(ReplicationKind.Simple, replicationFactor, NoDatacenters, "org.apache.cassandra.locator.SimpleStrategy");
    }

    public static ReplicationStrategy NetworkTopology(IEnumerable<KeyValuePair<string, int>> datacenterFactors)
    {
        ArgumentNullException.ThrowIfNull(datacenterFactors);
        var factors = datacenterFactors.ToFrozenDictionary(StringComparer.Ordinal);
        foreach (var (datacenter, factor) in factors)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(factor, datacenter);
        }

        return new(ReplicationKind.NetworkTopology, 0, factors, "org.apache.cassandra.locator.NetworkTopologyStrategy");
    }

    public static ReplicationStrategy Local { get; } =
        new(ReplicationKind.Local, 0, NoDatacenters, "org.apache.cassandra.locator.LocalStrategy");

    public static ReplicationStrategy Everywhere { get; } =
        new(ReplicationKind.Everywhere, 0, NoDatacenters, "org.apache.cassandra.locator.EverywhereStrategy");

    public static ReplicationStrategy Unsupported(string className) =>
        new(ReplicationKind.Unsupported, 0, NoDatacenters, className);

    public bool Equals(ReplicationStrategy? other) => other is not null && _identity == other._identity;

    public override bool Equals(object? obj) => Equals(obj as ReplicationStrategy);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_identity);

    public override string ToString() => _identity;

    private string BuildIdentity()
    {
        var text = new StringBuilder(Kind.ToString());
        switch (Kind)
        {
            case ReplicationKind.Simple:
                text.Append(CultureInfo.InvariantCulture, $"(rf={ReplicationFactor})");
                break;
            case ReplicationKind.NetworkTopology:
                text.Append('(')
                    .AppendJoin(',', DatacenterFactors.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))
                    .Append(')');
                break;
            case ReplicationKind.Unsupported:
                text.Append('(').Append(ClassName).Append(')');
                break;
            default:
                break;
        }

        return text.ToString();
    }
}
