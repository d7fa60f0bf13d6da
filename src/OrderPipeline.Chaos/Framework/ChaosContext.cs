using System.Globalization;
using OrderPipeline.Chaos.Processes;
using OrderPipeline.Consumer.Cassandra;
using OrderPipeline.Kafka;
using OrderPipeline.Orders.Generation;
using OrderPipeline.Stack;
using OrderPipeline.Stack.Install;

namespace OrderPipeline.Chaos.Framework;

/// What a scenario gets: the running stack (null for scenarios without servers), fresh names, the CLI as
/// child processes, input generation and the independent reconciliation. One context per scenario run;
/// disposing it kills any child the scenario left running and closes its connections.
public sealed partial class ChaosContext : IAsyncDisposable
{
    private static readonly TimeSpan CassandraConnectTimeout = TimeSpan.FromSeconds(20);
    private readonly Action<string> _log;
    private readonly ChaosStack? _stack;
    private ChaosCli? _cli;
    private CassandraAccess? _cassandra;
    private BrokerCapabilities? _capabilities;

    internal ChaosContext(IChaosScenario scenario, ChaosOptions options, ChaosStack? stack, Action<string> log)
    {
        Scenario = scenario;
        Options = options;
        _stack = stack;
        _log = log;
        RunId = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
        WorkDirectory = Path.Combine(options.WorkDirectory, $"{scenario.Number:00}-{scenario.Name}");
        Directory.CreateDirectory(WorkDirectory);
    }

    public IChaosScenario Scenario { get; }

    public ChaosOptions Options { get; }

    /// Short id that makes this run's names unique (topics are never reused).
    public string RunId { get; }

    /// This scenario's scratch folder: inputs, rejects files, child logs.
    public string WorkDirectory { get; }

    /// The stack, for node faults: KillNodeAsync / StopNodeAsync / StartNodeAsync / StatusAsync.
    public LocalStack Stack => RequireStack().Stack;

    /// Addresses and topology of the running stack.
    public StackInfo Info => RequireStack().Info;

    /// Kafka bootstrap servers of the stack, e.g. "127.0.90.1:9092".
    public string BootstrapServers => Info.BootstrapServers;

    /// Cassandra contact points of the stack, comma-separated host:port.
    public string ContactPoints => string.Join(',', Info.CassandraContactPoints);

    /// `produce` / `consume` as child processes against this stack.
    public ChaosCli Cli => _cli ??= new ChaosCli(Options.CliAssembly, Options.Subnet, BootstrapServers, ContactPoints, WorkDirectory);

    /// Kafka options for in-process clients (reading the DLQ back, writing raw messages).
    public KafkaOptions Kafka => new KafkaOptions { BootstrapServers = BootstrapServers }.Validate();

    /// A progress line for the console (the command shows it while the scenario runs).
    public void Log(string message) => _log($"[{Scenario.Number}] {message}");

    /// Creates a fresh orders topic (3 partitions), dead-letter topic (1 partition) and keyspace with the
    /// schema, replicated as the topology allows (Kafka RF 3 + min.insync.replicas 2, Cassandra RF 3 on 3+3).
    public async Task<PipelineNames> CreatePipelineAsync(string purpose = "run", CancellationToken cancellationToken = default)
    {
        var names = PipelineNames.For(Scenario.Number, purpose, RunId);
        var stack = RequireStack();
        var dist = await new DistributionInstaller(stack.Stack.Options.CacheDirectory, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance)
            .EnsureInstalledAsync(cancellationToken);
        var topics = new ChaosTopics(stack.Info, dist, Prerequisites.Java());
        await Task.WhenAll(
            topics.CreateAsync(names.Topic, KafkaTopicsDefaults.OrdersPartitions, cancellationToken),
            topics.CreateAsync(names.DeadLetterTopic, KafkaTopicsDefaults.DeadLetterPartitions, cancellationToken));
        var cassandra = await CassandraAsync(cancellationToken);
        await SchemaApplier.ApplyAsync(cassandra, Info.Topology.CassandraNodes, names.Keyspace, cancellationToken);
        Log($"topic {names.Topic}, keyspace {names.Keyspace} ready");
        return names;
    }

    /// Writes <paramref name="rows"/> synthetic orders (default: the run's --rows) in the dataset's format.
    public string GenerateOrders(int? rows = null, int? seed = null, string name = "orders.csv")
    {
        var path = Path.Combine(WorkDirectory, name);
        OrderGenerator.WriteFile(path, rows ?? Options.Rows, seed ?? Options.Seed + Scenario.Number);
        return path;
    }

    /// One CQL session to the stack for the scenario's own reads (reconciliation, counts).
    public async Task<CassandraAccess> CassandraAsync(CancellationToken cancellationToken = default) =>
        _cassandra ??= await CassandraAccess.ConnectAsync(ContactPoints, CassandraConnectTimeout, cancellationToken);

    /// The broker's capabilities (probed once).
    public async Task<BrokerCapabilities> KafkaCapabilitiesAsync(CancellationToken cancellationToken = default) =>
        _capabilities ??= await BrokerProbe.ResolveAsync(Kafka, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_cli is not null)
        {
            await _cli.DisposeAsync();
        }

        if (_cassandra is not null)
        {
            await _cassandra.DisposeAsync();
        }
    }

    private ChaosStack RequireStack() => _stack
        ?? throw new InvalidOperationException($"Scenario {Scenario.Number} ({Scenario.Name}) declared no topology, so it has no stack.");
}

/// Partition counts of the pipeline topics (the stack's own topics use the same: docs/architecture.md).
public static class KafkaTopicsDefaults
{
    public const int OrdersPartitions = 3;
    public const int DeadLetterPartitions = 1;
}
