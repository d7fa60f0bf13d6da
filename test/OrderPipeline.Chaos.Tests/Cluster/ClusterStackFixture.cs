using System.Globalization;
using OrderPipeline.Chaos.Framework;
using OrderPipeline.TestSupport.Stack;

namespace OrderPipeline.Chaos.Tests.Cluster;

/// One private 3 broker + 3 Cassandra node stack for the cluster scenarios (they kill and restart its servers,
/// so it is never the suite's shared stack). It runs on the first free isolated subnet (127.0.100-199.x), or on
/// the one ORDERPIPELINE_CHAOS_CLUSTER_SUBNET names (e.g. 127.0.33), and is stopped and wiped at the end.
public sealed class ClusterStackFixture : IAsyncLifetime
{
    public const string Collection = "chaos-cluster";
    public const string SubnetVariable = "ORDERPIPELINE_CHAOS_CLUSTER_SUBNET";

    private IsolatedStack? _isolated;
    private ChaosStack? _stack;

    public ChaosStack Stack => _stack ?? throw new InvalidOperationException("The fixture is not initialised.");

    public async Task InitializeAsync()
    {
        var (first, last) = SubnetRange(Environment.GetEnvironmentVariable(SubnetVariable));
        _isolated = await IsolatedStack.StartAsync(ChaosTopologies.Cluster, first, last);
        _stack = await ChaosStack.AttachAsync(_isolated.Stack);
    }

    public async Task DisposeAsync()
    {
        if (_isolated is not null)
        {
            await _isolated.DisposeAsync();
        }
    }

    private static (int First, int Last) SubnetRange(string? subnet)
    {
        if (string.IsNullOrWhiteSpace(subnet))
        {
            return (IsolatedStack.DefaultFirstSubnet, IsolatedStack.DefaultLastSubnet);
        }

        var octet = int.Parse(subnet.Trim().Split('.')[2], CultureInfo.InvariantCulture);
        return (octet, octet);
    }
}

[CollectionDefinition(ClusterStackFixture.Collection)]
public sealed class ClusterStackGroup : ICollectionFixture<ClusterStackFixture>;
