using OrderPipeline.Cql.Connections;

namespace OrderPipeline.Cql.Routing;

/// <summary>
/// Round robin over the up nodes of the local datacenter (nodes of unknown datacenter count as local); remote
/// datacenters are never used, so a statement never crosses a WAN link by surprise.
/// </summary>
internal sealed class DcAwareRoundRobinPolicy(Func<IReadOnlyList<Host>> hosts, Func<string?> localDatacenter) : ILoadBalancingPolicy
{
    private int _index = -1;

    public IEnumerable<Host> NewQueryPlan(CqlStatement statement, byte protocolVersion)
    {
        var snapshot = hosts();
        var count = snapshot.Count;
        if (count == 0)
        {
            yield break;
        }

        var local = localDatacenter();
        var start = (int)((uint)Interlocked.Increment(ref _index) % (uint)count);
        for (var i = 0; i < count; i++)
        {
            var host = snapshot[(start + i) % count];
            if (host.IsUp && IsLocal(host, local))
            {
                yield return host;
            }
        }
    }

    internal static bool IsLocal(Host host, string? local) =>
        local is null || host.Datacenter is null || string.Equals(host.Datacenter, local, StringComparison.Ordinal);
}
