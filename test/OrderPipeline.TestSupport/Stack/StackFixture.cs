using OrderPipeline.Stack;
using OrderPipeline.Stack.Probes;
using Xunit;

namespace OrderPipeline.TestSupport.Stack;

/// The shared stack for integration tests: the default stack (127.0.0.x, or ORDERPIPELINE_STACK_SUBNET)
/// that `./orderpipeline test` starts and announces with ORDERPIPELINE_TEST_STACK=1. It never starts or stops
/// servers; if they do not answer, every test using it fails with a message saying how to start them
/// (never skipped).
/// <remarks>
/// xunit only finds collection definitions in the test assembly itself, so each test project declares
/// <c>[CollectionDefinition(StackFixture.Collection)] public sealed class StackCollection : ICollectionFixture&lt;StackFixture&gt;;</c>
/// and marks its classes <c>[Collection(StackFixture.Collection)]</c> (or uses <c>IClassFixture&lt;StackFixture&gt;</c>).
/// </remarks>
public sealed class StackFixture : IAsyncLifetime
{
    public const string Collection = "stack";
    public const string TestStackVariable = "ORDERPIPELINE_TEST_STACK";

    private StackLayout? _layout;

    public StackOptions Options { get; } = StackOptions.FromEnvironment();

    public StackLayout Layout => _layout ?? throw new InvalidOperationException("The fixture is not initialised.");

    /// Kafka bootstrap servers, e.g. "127.0.0.1:9092".
    public string BootstrapServers => Layout.BootstrapServers;

    /// Cassandra contact points as host:port.
    public IReadOnlyList<string> CassandraContactPoints => Layout.CassandraContactPoints;

    /// Cassandra node addresses (all on port 9042).
    public IReadOnlyList<string> CassandraHosts => [.. Layout.CassandraNodes.Select(n => n.Host)];

    public static int CassandraPort => StackLayout.CassandraNativePort;

    public StackTopology Topology => Layout.Topology;

    public async Task InitializeAsync()
    {
        var layout = new StackLayout(Options, StackTopology.OneEach);
        var broker = layout.KafkaBrokers[0];
        var node = layout.CassandraNodes[0];
        var announced = Environment.GetEnvironmentVariable(TestStackVariable) == "1";
        var hint = announced
            ? $"{TestStackVariable}=1 says the stack runs, but"
            : $"{TestStackVariable} is not set and";
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        KafkaMetadata metadata;
        try
        {
            metadata = await KafkaProbe.GetMetadataAsync(broker.Host, broker.Port, timeout.Token);
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or OperationCanceledException)
        {
            throw new InvalidOperationException(
                $"{hint} Kafka does not answer at {broker.Endpoint} ({ex.Message}). Start the stack with "
                + $"'./orderpipeline stack up' (with ORDERPIPELINE_STACK_SUBNET={Options.Subnet} if not the default) "
                + "or run the suite with './orderpipeline test'.", ex);
        }

        int peers;
        try
        {
            peers = await CassandraProbe.CountPeersAsync(node.Host, node.Port, timeout.Token);
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or OperationCanceledException
            or InvalidOperationException)
        {
            throw new InvalidOperationException(
                $"{hint} Cassandra does not answer at {node.Endpoint} ({ex.Message}). Start the stack with "
                + "'./orderpipeline stack up' or run the suite with './orderpipeline test'.", ex);
        }

        _layout = new StackLayout(Options, new StackTopology(Math.Clamp(metadata.Brokers.Count, 1, 3), Math.Clamp(peers + 1, 1, 3)));
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
