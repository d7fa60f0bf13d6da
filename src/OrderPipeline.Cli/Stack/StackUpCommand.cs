using System.ComponentModel;
using OrderPipeline.Stack;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrderPipeline.Cli.Stack;

internal sealed class StackUpSettings : CommandSettings
{
    [CommandOption("--kafka-brokers <N>")]
    [Description("Kafka brokers, 1..3 (default 1, or what already runs).")]
    public int? KafkaBrokers { get; init; }

    [CommandOption("--cassandra-nodes <N>")]
    [Description("Cassandra nodes, 1..3 (default 1, or what already runs).")]
    public int? CassandraNodes { get; init; }

    [CommandOption("--thrift")]
    [Description("Also start Cassandra's Thrift server on port 9160 (cassandra-stress needs it; or ORDERPIPELINE_STACK_THRIFT=1). Applies to nodes started by this command.")]
    public bool Thrift { get; init; }

    [CommandOption("--auth")]
    [Description("Start Cassandra nodes with PasswordAuthenticator (Cassandra creates its default superuser ~10 s after start; see docs/local-stack.md).")]
    public bool Auth { get; init; }
}

[Description("Start ZooKeeper, Kafka and Cassandra locally (installs them once); idempotent.")]
internal sealed class StackUpCommand : AsyncCommand<StackUpSettings>
{
    private readonly IAnsiConsole _console;

    public StackUpCommand(IAnsiConsole console) => _console = console;

    public override async Task<int> ExecuteAsync(CommandContext context, StackUpSettings settings, CancellationToken cancellationToken)
    {
        return await StackCommandErrors.RunAsync(_console, async () =>
        {
            var options = StackOptions.FromEnvironment();
            options = settings.Thrift ? options.WithCassandraThrift() : options;
            if (settings.Auth)
            {
                options = options.WithCassandraSecurity(new CassandraSecurityOptions { PasswordAuthentication = true });
            }
            var stack = new LocalStack(options, new ConsoleLogger(_console));
            var current = StackState.Load(options.StateDirectory)?.Topology ?? StackState.LoadDataTopology(options.StateDirectory);
            StackTopology? topology = null;
            if (settings.KafkaBrokers is not null || settings.CassandraNodes is not null)
            {
                topology = new StackTopology(
                    settings.KafkaBrokers ?? current?.KafkaBrokers ?? 1,
                    settings.CassandraNodes ?? current?.CassandraNodes ?? 1);
            }

            var info = await stack.UpAsync(topology, cancellationToken);
            StackTables.WriteStatus(_console, new StackStatus(StackHealth.Running, info.Topology, info.Servers));
            _console.MarkupLineInterpolated($"[green]Stack up[/] ({info.Topology}) in {info.Elapsed.TotalSeconds:F1} s; state in {options.StateDirectory}");
            _console.WriteLine($"Kafka bootstrap servers: {info.BootstrapServers}");
            _console.WriteLine($"Cassandra contact points: {string.Join(',', info.CassandraContactPoints)}");
            _console.WriteLine($"ZooKeeper: {info.ZooKeeperConnect}");
            _console.WriteLine("Topics: ecommerce-orders, ecommerce-orders-dlq. Stop with: orderpipeline stack down [--wipe]");
            return 0;
        });
    }
}
