using OrderPipeline.TestSupport.Stack;

namespace OrderPipeline.Cli.Tests.Commands.Cql;

/// Wraps the shared <see cref="StackFixture"/> for use as a class fixture: xunit needs a fixture type with a single
/// public constructor, and StackFixture has two (default stack, explicit options).
public sealed class CqlStackFixture : IAsyncLifetime
{
    public StackFixture Stack { get; } = new();

    public Task InitializeAsync() => Stack.InitializeAsync();

    public Task DisposeAsync() => Stack.DisposeAsync();
}
