using OrderPipeline.Chaos.Scenarios.Cluster;
using Xunit.Abstractions;

namespace OrderPipeline.Chaos.Tests.Cluster;

/// Scenarios 3-7 on a private 3+3 stack. Slow (a stack start plus about a minute or two per scenario), so they
/// carry the extra trait Speed=Slow that a CI filter can leave out: `--filter "Category=Integration&Speed!=Slow"`.
[Collection(ClusterStackFixture.Collection)]
[Trait("Category", "Integration")]
[Trait("Speed", "Slow")]
public sealed class ClusterScenarioTests(ClusterStackFixture fixture, ITestOutputHelper output)
{
    private const int Rows = 2000;

    [Fact]
    public async Task Should_LoseNothing_When_OneCassandraNodeIsKilledMidIngest() =>
        await ChaosTestHarness.RunAndAssertPassAsync(new CassandraNodeKillScenario(), fixture.Stack, Rows, output);

    [Fact]
    public async Task Should_PauseWithoutCommittingAndResume_When_TwoCassandraNodesAreDown() =>
        await ChaosTestHarness.RunAndAssertPassAsync(new CassandraQuorumLossScenario(), fixture.Stack, Rows, output);

    [Fact]
    public async Task Should_LoseNothing_When_AllCassandraIsStoppedFor30Seconds() =>
        await ChaosTestHarness.RunAndAssertPassAsync(new CassandraOutageScenario(), fixture.Stack, Rows, output);

    [Fact]
    public async Task Should_LoseNothing_When_OneKafkaBrokerIsKilledMidProduceAndConsume() =>
        await ChaosTestHarness.RunAndAssertPassAsync(new KafkaBrokerKillScenario(), fixture.Stack, Rows, output);

    [Fact]
    public async Task Should_NeitherHangNorLose_When_TheNetworkToCassandraStallsFor10Seconds() =>
        await ChaosTestHarness.RunAndAssertPassAsync(new NetworkStallScenario(), fixture.Stack, Rows, output);
}
