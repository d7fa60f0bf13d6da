namespace OrderPipeline.Cql.Routing;

/// <summary>
/// The sorted token ring: token i (ascending) is owned by host index <see cref="Owners"/>[i]. A key with
/// token t belongs to the first ring token >= t, wrapping past the largest token to the first one.
/// </summary>
internal sealed class TokenMapRing
{
    public TokenMapRing(long[] tokens, int[] owners, string[] datacenters, string[] racks)
    {
        Tokens = tokens;
        Owners = owners;
        Datacenters = datacenters;
        Racks = racks;
        HostCount = datacenters.Length;
    }

    /// <summary>Ring tokens, ascending, without duplicates.</summary>
    public long[] Tokens { get; }

    /// <summary>Host index owning each ring token.</summary>
    public int[] Owners { get; }

    /// <summary>Datacenter per host index ("" when unknown).</summary>
    public string[] Datacenters { get; }

    /// <summary>Rack per host index ("" when unknown).</summary>
    public string[] Racks { get; }

    public int HostCount { get; }

    public int Size => Tokens.Length;

    /// <summary>The ring position whose range contains <paramref name="token"/>.</summary>
    public int IndexOf(long token)
    {
        var index = Array.BinarySearch(Tokens, token);
        if (index < 0)
        {
            index = ~index;
        }

        return index == Tokens.Length ? 0 : index;
    }
}
