using OrderPipeline.Chaos.Scenarios;
using Xunit.Abstractions;

namespace OrderPipeline.Chaos.Tests;

/// The fast scenarios (what `chaos --scenario fast` and CI run), each on the suite's 1+1 stack with modest
/// inputs so the set stays within a few minutes.
[Collection(SingleNodeStackFixture.Collection)]
[Trait("Category", "Integration")]
public class FastScenarioTests(SingleNodeStackFixture fixture, ITestOutputHelper output)
{
    private const int Rows = 3000;

    [Fact]
    public async Task ConsumerKill_LosesAndDuplicatesNothing()
    {
        var result = await ChaosTestHarness.RunAndAssertPassAsync(new ConsumerKillScenario(), fixture.Stack, Rows, output);
        Assert.Equal(Rows, result.Stored);
        Assert.NotNull(result.TimeToRecover);
    }

    [Fact]
    public async Task ProducerKill_LosesAndDuplicatesNothing()
    {
        var result = await ChaosTestHarness.RunAndAssertPassAsync(new ProducerKillScenario(), fixture.Stack, Rows, output);
        Assert.Equal(Rows, result.Stored);
    }

    [Fact]
    public async Task PoisonMessages_AllDeadLetteredWithReasons_EverythingElseStored()
    {
        var result = await ChaosTestHarness.RunAndAssertPassAsync(new PoisonMessagesScenario(), fixture.Stack, Rows, output);
        Assert.Equal(Rows, result.Stored);
        Assert.Equal(PoisonMessages.All().Count, result.DeadLettered);
    }

    [Fact]
    public async Task CsvCorpus_EveryFileHasItsWrittenOutcome()
    {
        var result = await ChaosTestHarness.RunAndAssertPassAsync(new CsvCorpusScenario(), fixture.Stack, Rows, output);
        Assert.True(result.Rejected > 0, "the corpus has rejected rows");
        Assert.True(result.Stored > 0, "the corpus has accepted orders");
    }

    [Fact]
    public async Task CqlGarbage_ClearExceptionNoHangBoundedAllocation()
    {
        // Needs no servers, but runs with the others: it is part of `--scenario fast`.
        var result = await ChaosTestHarness.RunAndAssertPassAsync(new CqlGarbageScenario(), null, Rows, output);
        Assert.Equal(Enum.GetValues<OrderPipeline.Chaos.Garbage.GarbageMode>().Length, result.Checks.Count);
    }
}
