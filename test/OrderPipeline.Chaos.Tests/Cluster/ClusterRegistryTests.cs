using OrderPipeline.Chaos.Framework;

namespace OrderPipeline.Chaos.Tests.Cluster;

public sealed class ClusterRegistryTests
{
    [Fact]
    public void Should_RegisterScenarios3To7OnTheClusterStack_When_TheRegistryIsBuilt()
    {
        // Given the registry
        var cluster = ScenarioRegistry.All.Where(s => s.Number is >= 3 and <= 7).ToList();

        // Then scenarios 3..7 are there once each, on the 3+3 topology, with distinct names, and not in "fast"
        Assert.Equal([3, 4, 5, 6, 7], cluster.Select(s => s.Number).Order());
        Assert.All(cluster, s => Assert.Equal(ChaosTopologies.Cluster, s.Topology));
        Assert.Equal(cluster.Count, cluster.Select(s => s.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.DoesNotContain(ScenarioRegistry.Fast, s => s.Number is >= 3 and <= 7);
        Assert.Equal("network-stall", ScenarioRegistry.Select("7").Single().Name);
    }
}
