using OrderPipeline.TestSupport.Stack;

namespace OrderPipeline.Producer.Tests;

[CollectionDefinition(StackFixture.Collection)]
public sealed class StackCollectionDefinition : ICollectionFixture<StackFixture>;
