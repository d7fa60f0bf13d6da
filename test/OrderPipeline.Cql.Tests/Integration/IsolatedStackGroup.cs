namespace OrderPipeline.Cql.Tests.Integration;

/// Test classes that start their own Cassandra stack (3-node cluster, auth node, TLS node) share this
/// collection so they run one after another: three stacks at once would not fit the CI machine's 2 cores.
[CollectionDefinition(Name)]
public sealed class IsolatedStackGroup
{
    public const string Name = "isolated cassandra stacks";
}
