using OrderPipeline.Chaos.Framework;
using OrderPipeline.Stack;

namespace OrderPipeline.Chaos.Tests;

/// The fast scenarios run on the test suite's own 1+1 stack (ORDERPIPELINE_STACK_SUBNET / _DIR, started by
/// `./orderpipeline test`): they only kill CLI processes, never servers, and use fresh topics and keyspaces,
/// so sharing it costs no isolation and saves a stack start in CI. Not running fails the tests (never skipped).
public sealed class SingleNodeStackFixture : IAsyncLifetime
{
    public const string Collection = "chaos-single-node";

    private ChaosStack? _stack;

    public ChaosStack Stack => _stack ?? throw new InvalidOperationException("The fixture is not initialised.");

    public async Task InitializeAsync() => _stack = await ChaosStack.AttachAsync(new LocalStack(StackOptions.FromEnvironment()));

    public Task DisposeAsync() => Task.CompletedTask;
}

[CollectionDefinition(SingleNodeStackFixture.Collection)]
public sealed class SingleNodeStackGroup : ICollectionFixture<SingleNodeStackFixture>;
