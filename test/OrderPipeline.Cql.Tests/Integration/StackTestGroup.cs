using OrderPipeline.TestSupport.Stack;

namespace OrderPipeline.Cql.Tests.Integration;

[CollectionDefinition(StackFixture.Collection)]
public sealed class StackTestGroup : ICollectionFixture<StackFixture>;
