namespace OrderPipeline.Cql.Routing;

/// <summary>
/// Computes, for every position of a token ring, the replica hosts (as host indexes, primary first) that a
/// replication strategy places there, following Cassandra's SimpleStrategy and NetworkTopologyStrategy.
/// </summary>
internal static class ReplicationCalculator
{
    /// <summary>One replica list per ring position; empty lists for strategies that cannot be routed.</summary>
    public static int[][] Compute(TokenMapRing ring, ReplicationStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(ring);
        ArgumentNullException.ThrowIfNull(strategy);
        var owners = ring.Owners.Distinct().Count();
        var wantedPerDatacenter = strategy.DatacenterFactors
            .Select(p => (Datacenter: p.Key, Topology: DatacenterTopology.Of(ring, p.Key), Factor: p.Value))
            .Where(p => Math.Min(p.Factor, p.Topology.NodeCount) > 0)
            .ToArray();
        var table = new int[ring.Size][];
        for (var position = 0; position < ring.Size; position++)
        {
            table[position] = strategy.Kind switch
            {
                ReplicationKind.Simple => Simple(ring, position, Math.Min(strategy.ReplicationFactor, owners)),
                ReplicationKind.Everywhere => Simple(ring, position, owners),
                ReplicationKind.NetworkTopology => NetworkTopology(ring, position, wantedPerDatacenter),
                _ => [],
            };
        }

        return table;
    }

    /// <summary>The first <paramref name="wanted"/> distinct owners walking clockwise from the position.</summary>
    private static int[] Simple(TokenMapRing ring, int start, int wanted)
    {
        var replicas = new List<int>(wanted);
        for (var step = 0; step < ring.Size && replicas.Count < wanted; step++)
        {
            var owner = ring.Owners[(start + step) % ring.Size];
            if (!replicas.Contains(owner))
            {
                replicas.Add(owner);
            }
        }

        return [.. replicas];
    }

    /// <summary>
    /// Cassandra's NetworkTopologyStrategy: walking clockwise, each datacenter takes nodes on racks it has not
    /// used yet; a node on an already used rack is set aside, and once every rack of the datacenter holds a
    /// replica the set-aside nodes (in ring order) and then further nodes fill the remaining places.
    /// The factor is capped by the number of nodes the datacenter has in the ring.
    /// </summary>
    private static int[] NetworkTopology(
        TokenMapRing ring, int start, (string Datacenter, DatacenterTopology Topology, int Factor)[] datacenters)
    {
        var states = new Dictionary<string, DatacenterState>(StringComparer.Ordinal);
        foreach (var (datacenter, topology, factor) in datacenters)
        {
            states[datacenter] = new DatacenterState(Math.Min(factor, topology.NodeCount), topology.RackCount);
        }

        var replicas = new List<int>();
        var unsatisfied = states.Count;
        for (var step = 0; step < ring.Size && unsatisfied > 0; step++)
        {
            var owner = ring.Owners[(start + step) % ring.Size];
            if (!states.TryGetValue(ring.Datacenters[owner], out var state) || state.IsSatisfied)
            {
                continue;
            }

            state.Offer(owner, ring.Racks[owner], replicas);
            if (state.IsSatisfied)
            {
                unsatisfied--;
            }
        }

        return [.. replicas];
    }

    private readonly record struct DatacenterTopology(int NodeCount, int RackCount)
    {
        public static DatacenterTopology Of(TokenMapRing ring, string datacenter)
        {
            var nodes = new HashSet<int>();
            var racks = new HashSet<string>(StringComparer.Ordinal);
            foreach (var owner in ring.Owners)
            {
                if (ring.Datacenters[owner] == datacenter && nodes.Add(owner))
                {
                    racks.Add(ring.Racks[owner]);
                }
            }

            return new(nodes.Count, racks.Count);
        }
    }

    private sealed class DatacenterState(int wanted, int rackCount)
    {
        private readonly HashSet<int> _chosen = [];
        private readonly HashSet<string> _seenRacks = new(StringComparer.Ordinal);
        private readonly List<int> _skipped = [];

        public bool IsSatisfied => _chosen.Count >= wanted;

        public void Offer(int host, string rack, List<int> replicas)
        {
            if (_chosen.Contains(host))
            {
                return;
            }

            if (_seenRacks.Count == rackCount)
            {
                Choose(host, replicas);
                return;
            }

            if (!_seenRacks.Add(rack))
            {
                if (!_skipped.Contains(host))
                {
                    _skipped.Add(host);
                }

                return;
            }

            Choose(host, replicas);
            if (_seenRacks.Count == rackCount)
            {
                foreach (var skipped in _skipped)
                {
                    if (IsSatisfied)
                    {
                        break;
                    }

                    Choose(skipped, replicas);
                }
            }
        }

        private void Choose(int host, List<int> replicas)
        {
            if (_chosen.Add(host))
            {
                replicas.Add(host);
            }
        }
    }
}
