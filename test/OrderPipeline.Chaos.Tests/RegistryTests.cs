using OrderPipeline.Chaos.Framework;
using OrderPipeline.Stack;

namespace OrderPipeline.Chaos.Tests;

public class RegistryTests
{
    private sealed class Fake(int number, string name, StackTopology? topology) : IChaosScenario
    {
        public int Number => number;
        public string Name => name;
        public string Description => "test";
        public StackTopology? Topology => topology;
        public Task<ScenarioResult> RunAsync(ChaosContext context, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private static readonly IReadOnlyList<IChaosScenario> Scenarios =
    [
        new Fake(1, "consumer-kill", ChaosTopologies.OneNode),
        new Fake(3, "cassandra-node-kill", ChaosTopologies.Cluster),
        new Fake(9, "csv-corpus", ChaosTopologies.OneNode),
        new Fake(10, "cql-garbage", null),
    ];

    [Fact]
    public void Select_All_ReturnsEveryScenario()
    {
        Assert.Equal(4, ScenarioRegistry.Select("all", Scenarios).Count);
        Assert.Equal(4, ScenarioRegistry.Select(null, Scenarios).Count);
    }

    [Fact]
    public void Select_Fast_ReturnsSingleNodeAndServerlessOnes()
    {
        Assert.Equal([1, 9, 10], ScenarioRegistry.Select("fast", Scenarios).Select(s => s.Number));
    }

    [Fact]
    public void Select_ByNumbersAndNames_InTableOrderWithoutRepeats()
    {
        Assert.Equal([1, 3, 10], ScenarioRegistry.Select("cql-garbage, 3,1,CONSUMER-KILL", Scenarios).Select(s => s.Number));
    }

    [Fact]
    public void Select_Unknown_NamesTheChoices()
    {
        var ex = Assert.Throws<ArgumentException>(() => ScenarioRegistry.Select("11", Scenarios));
        Assert.Contains("3 cassandra-node-kill", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PipelineNames_AreValidKafkaAndCassandraNames()
    {
        var names = PipelineNames.For(8, "poison", "011530");
        Assert.Equal("chaos-8-011530-poison-orders", names.Topic);
        Assert.Equal("chaos-8-011530-poison-dlq", names.DeadLetterTopic);
        Assert.Matches("^[A-Za-z0-9_]{1,48}$", names.Keyspace);
    }
}
