using OrderPipeline.Cql.Connections;

namespace OrderPipeline.Cql.Routing;

/// <summary>
/// Decorator: when the statement has a routing key and the replica source knows its replicas, the local, up
/// replicas come first (in the child's rotation order would lose locality, so replica order is kept but the
/// start is rotated to spread load); then the child's plan without those nodes.
/// </summary>
internal sealed class TokenAwarePolicy(ILoadBalancingPolicy child, Func<IReplicaSource?> replicas, Func<string?> localDatacenter, Func<System.Net.IPEndPoint, Host?> lookup) : ILoadBalancingPolicy
{
    private int _rotation;

    public IEnumerable<Host> NewQueryPlan(CqlStatement statement, byte protocolVersion)
    {
        var source = replicas();
        var keyspace = statement.RoutingKeyspace;
        var key = source is null || keyspace is null ? null : statement.GetRoutingKey(protocolVersion);
        var owners = key is null ? null : source!.GetReplicas(keyspace!, key);
        if (owners is null || owners.Count == 0)
        {
            return child.NewQueryPlan(statement, protocolVersion);
        }

        return Plan(owners, statement, protocolVersion);
    }

    private IEnumerable<Host> Plan(IReadOnlyList<System.Net.IPEndPoint> owners, CqlStatement statement, byte protocolVersion)
    {
        var local = localDatacenter();

        // At most replication-factor entries: a linear scan of an array beats hashing (and costs one small
        // allocation per request instead of a HashSet's three).
        var used = new Host[owners.Count];
        var usedCount = 0;
        var start = (int)((uint)Interlocked.Increment(ref _rotation) % (uint)owners.Count);
        for (var i = 0; i < owners.Count; i++)
        {
            if (lookup(owners[(start + i) % owners.Count]) is { IsUp: true } host && DcAwareRoundRobinPolicy.IsLocal(host, local)
                && !Contains(used, usedCount, host))
            {
                used[usedCount++] = host;
                yield return host;
            }
        }

        foreach (var host in child.NewQueryPlan(statement, protocolVersion))
        {
            if (!Contains(used, usedCount, host))
            {
                yield return host;
            }
        }
    }

    private static bool Contains(Host[] hosts, int count, Host host) => Array.IndexOf(hosts, host, 0, count) >= 0;
}
