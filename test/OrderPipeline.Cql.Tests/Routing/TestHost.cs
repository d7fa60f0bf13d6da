using OrderPipeline.Cql.Routing;

namespace OrderPipeline.Cql.Tests.Routing;

internal sealed record TestHost(string Name, string? Datacenter = "dc1", string? Rack = "r1") : ITokenMapHost
{
    public override string ToString() => Name;
}
