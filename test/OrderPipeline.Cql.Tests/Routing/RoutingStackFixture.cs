using OrderPipeline.TestSupport.Stack;

namespace OrderPipeline.Cql.Tests.Routing;

/// Wraps the shared <see cref="StackFixture"/> for use as a class fixture of the routing tests.
public sealed class RoutingStackFixture : IAsyncLifetime
{
    public StackFixture Stack { get; } = new();

    public Task InitializeAsync() => Stack.InitializeAsync();

    public Task DisposeAsync() => Stack.DisposeAsync();
}
