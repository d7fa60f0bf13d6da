using OrderPipeline.Cql.Connections;

namespace OrderPipeline.Cql.Routing;

/// <summary>Orders the nodes to try for one statement (the query plan).</summary>
internal interface ILoadBalancingPolicy
{
    IEnumerable<Host> NewQueryPlan(CqlStatement statement, byte protocolVersion);
}
