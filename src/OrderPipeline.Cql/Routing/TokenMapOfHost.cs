using System.Collections.Concurrent;

namespace OrderPipeline.Cql.Routing;

/// <summary>
/// The token ring of a cluster and the replication settings of its keyspaces: answers "which hosts hold
/// this partition" for token-aware routing.
/// </summary>
/// <remarks>
/// The ring is immutable; when the topology changes, build a new map (passing <see cref="Keyspaces"/> along).
/// Keyspace settings can be changed at any time. Replica lists are computed once per distinct replication
/// setting on first use and shared by keyspaces with equal settings. All members are thread-safe.
/// </remarks>
internal sealed class TokenMap<THost>
    where THost : class, ITokenMapHost
{
    private readonly TokenMapRing _ring;
    private readonly THost[] _hosts;
    private readonly ConcurrentDictionary<string, ReplicationStrategy> _keyspaces = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ReplicationStrategy, Lazy<THost[][]>> _replicaTables = new();

    internal TokenMap(TokenMapRing ring, THost[] hosts)
    {
        _ring = ring;
        _hosts = hosts;
    }

    /// <summary>The hosts that own at least one token.</summary>
    public IReadOnlyList<THost> Hosts => _hosts;

    /// <summary>The number of tokens on the ring.</summary>
    public int RingSize => _ring.Size;

    /// <summary>A snapshot of the registered keyspaces and their replication settings.</summary>
    public IReadOnlyDictionary<string, ReplicationStrategy> Keyspaces => new Dictionary<string, ReplicationStrategy>(_keyspaces, StringComparer.Ordinal);

    /// <summary>Registers or replaces a keyspace's replication settings.</summary>
    public void SetKeyspace(string keyspace, ReplicationStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(keyspace);
        ArgumentNullException.ThrowIfNull(strategy);
        _keyspaces[keyspace] = strategy;
    }

    /// <summary>Forgets a dropped keyspace; returns whether it was registered.</summary>
    public bool RemoveKeyspace(string keyspace) => _keyspaces.TryRemove(keyspace, out _);

    /// <summary>
    /// The replicas of the partition with this routing key (see <see cref="RoutingKey"/>), primary first;
    /// empty when the keyspace is unknown, its strategy is not routable, or the ring is empty.
    /// </summary>
    public IReadOnlyList<THost> GetReplicas(string keyspace, ReadOnlySpan<byte> routingKey) =>
        GetReplicas(keyspace, Murmur3Token.Compute(routingKey));

    /// <summary>The replicas of the partition with this token, primary first (empty as above).</summary>
    public IReadOnlyList<THost> GetReplicas(string keyspace, long token)
    {
        ArgumentNullException.ThrowIfNull(keyspace);
        if (_ring.Size == 0 || !_keyspaces.TryGetValue(keyspace, out var strategy) || !strategy.IsRoutable)
        {
            return [];
        }

        var table = _replicaTables.GetOrAdd(strategy, s => new Lazy<THost[][]>(() => ComputeTable(s))).Value;
        return table[_ring.IndexOf(token)];
    }

    /// <summary>The host owning the ring range that contains <paramref name="token"/>; null on an empty ring.</summary>
    public THost? GetPrimary(long token) => _ring.Size == 0 ? null : _hosts[_ring.Owners[_ring.IndexOf(token)]];

    private THost[][] ComputeTable(ReplicationStrategy strategy)
    {
        var indexes = ReplicationCalculator.Compute(_ring, strategy);
        var table = new THost[indexes.Length][];
        for (var i = 0; i < indexes.Length; i++)
        {
            // Neighbouring ring positions usually share a replica list (vnodes); share the array too.
            table[i] = i > 0 && indexes[i].AsSpan().SequenceEqual(indexes[i - 1])
                ? table[i - 1]
                : Array.ConvertAll(indexes[i], index => _hosts[index]);
        }

        return table;
    }
}
