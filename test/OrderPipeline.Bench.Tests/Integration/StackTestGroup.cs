using OrderPipeline.TestSupport.Stack;

namespace OrderPipeline.Bench.Tests.Integration;

[CollectionDefinition(StackFixture.Collection)]
public sealed class StackTestGroup : ICollectionFixture<StackFixture>;
