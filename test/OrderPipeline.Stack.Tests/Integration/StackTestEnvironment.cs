using OrderPipeline.Stack;
using OrderPipeline.TestSupport.Stack;

namespace OrderPipeline.Stack.Tests.Integration;

/// These tests start real servers. They run one at a time (2 cores, ~0.8 GB per Cassandra node) on the
/// stack team's loopback subnets 127.0.12..19, with state under /tmp/op-stack-tests.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StackIntegrationGroup
{
    public const string Name = "stack-integration";
}

internal static class StackTestEnvironment
{
    public const int FirstSubnet = 12;
    public const int LastSubnet = 19;
    public static readonly string StateRoot = Path.Combine(Path.GetTempPath(), "op-stack-tests");

    public static Task<IsolatedStack> StartIsolatedAsync(StackTopology topology) =>
        IsolatedStack.StartAsync(topology, FirstSubnet, LastSubnet, StateRoot);

    public static StackOptions OptionsFor(SubnetLease lease) => new()
    {
        Subnet = lease.Subnet,
        StateDirectory = Path.Combine(StateRoot, lease.Subnet),
        CacheDirectory = StackOptions.FromEnvironment().CacheDirectory,
    };
}
