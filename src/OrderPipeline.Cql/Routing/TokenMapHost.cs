namespace OrderPipeline.Cql.Routing;

/// <summary>
/// What the token map needs to know about a node: where it is placed. The session's host type implements
/// this; the map compares hosts with their own <see cref="object.Equals(object)"/>.
/// </summary>
internal interface ITokenMapHost
{
    /// <summary>The node's datacenter (<c>data_center</c> in <c>system.local</c>/<c>system.peers</c>); null if unknown.</summary>
    string? Datacenter { get; }

    /// <summary>The node's rack; null if unknown.</summary>
    string? Rack { get; }
}
