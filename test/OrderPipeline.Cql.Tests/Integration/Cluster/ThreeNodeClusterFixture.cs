using OrderPipeline.Stack;
using OrderPipeline.TestSupport.Stack;

namespace OrderPipeline.Cql.Tests.Integration.Cluster;

/// One 3-node Cassandra cluster (and the stack's single Kafka broker) for all failover tests of a class, with a
/// keyspace of replication factor 3. Each test restarts the nodes it stopped, so tests stay independent.
public sealed class ThreeNodeClusterFixture : IAsyncLifetime
{
    public const string Keyspace = "cluster_it";
    private IsolatedStack? _stack;

    public IsolatedStack Stack => _stack ?? throw new InvalidOperationException("The cluster is not started.");

    public IReadOnlyList<string> Hosts => Stack.CassandraHosts;

    public TimeSpan StartTime { get; private set; }

    public async Task InitializeAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        _stack = await IsolatedStack.StartAsync(new StackTopology(1, 3));
        StartTime = clock.Elapsed;
        await using var session = await CqlSession.ConnectAsync(new CqlSessionOptions { ContactPoints = [.. Hosts] });
        await session.ExecuteAsync($"CREATE KEYSPACE {Keyspace} WITH replication = {{'class': 'SimpleStrategy', 'replication_factor': 3}}");
    }

    /// Starts every Cassandra node that is not running (after a test killed or stopped some).
    public async Task RestoreAsync(params int[] nodes)
    {
        foreach (var node in nodes)
        {
            await Stack.Stack.StartNodeAsync(ServerKind.Cassandra, node);
        }
    }

    public async Task DisposeAsync()
    {
        if (_stack is not null)
        {
            await _stack.DisposeAsync();
        }
    }
}
