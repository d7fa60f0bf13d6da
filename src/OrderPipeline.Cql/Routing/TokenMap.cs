namespace OrderPipeline.Cql.Routing;

/// <summary>Builds <see cref="TokenMap{THost}"/> instances from the tokens each node reports.</summary>
internal static class TokenMap
{
    /// <summary>
    /// Builds a map from each host's tokens (the <c>tokens</c> column of <c>system.local</c> and
    /// <c>system.peers</c>, Murmur3 decimals). Hosts without tokens (joining nodes) are left out of the ring.
    /// </summary>
    /// <param name="hosts">Every known host with its tokens.</param>
    /// <param name="keyspaces">Replication settings to register right away (e.g. carried over from the previous map).</param>
    /// <exception cref="FormatException">A token is not a Murmur3 token.</exception>
    public static TokenMap<THost> Build<THost>(
        IEnumerable<(THost Host, IReadOnlyList<string> Tokens)> hosts,
        IEnumerable<KeyValuePair<string, ReplicationStrategy>>? keyspaces = null)
        where THost : class, ITokenMapHost
    {
        ArgumentNullException.ThrowIfNull(hosts);
        var hostList = new List<THost>();
        var hostIndexes = new Dictionary<THost, int>();
        var entries = new List<(long Token, int Owner)>();
        foreach (var (host, tokens) in hosts)
        {
            ArgumentNullException.ThrowIfNull(host);
            if (tokens is null || tokens.Count == 0)
            {
                continue;
            }

            if (!hostIndexes.TryGetValue(host, out var index))
            {
                index = hostList.Count;
                hostIndexes.Add(host, index);
                hostList.Add(host);
            }

            foreach (var token in tokens)
            {
                entries.Add((Murmur3Token.Parse(token), index));
            }
        }

        // A token claimed twice (e.g. while a node replaces another) keeps its first owner, so the ring stays
        // a function from token to host; stable sort makes "first" the enumeration order.
        var ordered = entries.OrderBy(e => e.Token).ToList();
        var ringTokens = new List<long>(ordered.Count);
        var owners = new List<int>(ordered.Count);
        foreach (var (token, owner) in ordered)
        {
            if (ringTokens.Count > 0 && ringTokens[^1] == token)
            {
                continue;
            }

            ringTokens.Add(token);
            owners.Add(owner);
        }

        var ring = new TokenMapRing(
            [.. ringTokens],
            [.. owners],
            [.. hostList.Select(h => h.Datacenter ?? string.Empty)],
            [.. hostList.Select(h => h.Rack ?? string.Empty)]);
        var map = new TokenMap<THost>(ring, [.. hostList]);
        foreach (var (keyspace, strategy) in keyspaces ?? [])
        {
            map.SetKeyspace(keyspace, strategy);
        }

        return map;
    }
}
