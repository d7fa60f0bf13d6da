using System.Diagnostics;
using OrderPipeline.Chaos.Framework;
using OrderPipeline.Chaos.Processes;
using OrderPipeline.Cql;
using OrderPipeline.Stack;

namespace OrderPipeline.Chaos.Scenarios.Cluster;

/// The shape every 3+3 scenario shares: a consumer runs, the producer paces the input over
/// <see cref="IngestDuration"/> so the fault lands mid-ingest, the scenario injects its fault once a fifth of
/// the orders are stored, undoes it, and then both children must end by themselves (a hang fails the scenario)
/// before the independent reconciliation decides. Disposing it kills the children and starts every server that
/// is down, so a scenario that failed half-way still leaves a healthy stack to the next one.
internal sealed class ClusterRun : IAsyncDisposable
{
    private const int Servers = 3;
    private static readonly TimeSpan ReadRetryWindow = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public static readonly TimeSpan IngestDuration = TimeSpan.FromSeconds(40);
    public static readonly TimeSpan ConsumerIdle = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ChildTimeout = TimeSpan.FromMinutes(6);
    private static readonly TimeSpan StoreTimeout = TimeSpan.FromMinutes(4);

    private readonly ChaosContext _context;
    private readonly List<ScenarioCheck> _checks = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private CliProcess? _producer;
    private CliProcess? _consumer;

    private ClusterRun(ChaosContext context, PipelineNames names, string csv, int rows)
    {
        _context = context;
        Names = names;
        Csv = csv;
        Rows = rows;
    }

    public PipelineNames Names { get; }

    public string Csv { get; }

    public int Rows { get; }

    public CliProcess Consumer => _consumer ?? throw new InvalidOperationException("The consumer was not started.");

    public IList<ScenarioCheck> Checks => _checks;

    public static async Task<ClusterRun> PrepareAsync(ChaosContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var names = await context.CreatePipelineAsync(cancellationToken: cancellationToken);
        var rows = context.Options.Rows;
        return new ClusterRun(context, names, context.GenerateOrders(rows), rows);
    }

    /// Starts the consumer (optionally with other Cassandra contact points) and the paced producer, and returns
    /// once a fifth of the orders are stored, so the fault that follows hits a running ingest.
    public Task StartAndWaitMidIngestAsync(CancellationToken cancellationToken) => StartAndWaitMidIngestAsync(null, cancellationToken);

    /// <param name="onlyContactPoints">Cassandra contact points the consumer must stay on (e.g. a proxy); null for the stack's.</param>
    public async Task StartAndWaitMidIngestAsync(string? onlyContactPoints, CancellationToken cancellationToken)
    {
        _consumer = _context.Cli.StartConsume(Names, ConsumerIdle.TotalSeconds, onlyContactPoints);
        _producer = _context.Cli.StartProduce(Names, Csv, Math.Max(1, Rows / IngestDuration.TotalSeconds));
        await WaitForStoredAsync(Math.Max(1, Rows / 5), cancellationToken);
        _context.Log($"{Rows / 5} of {Rows} orders stored: injecting the fault");
    }

    /// Rows stored so far (count at QUORUM). The scenario's own reads see the fault too (a node that just died
    /// is still a replica until the others notice): transient errors are retried for a while.
    public async Task<long> CountStoredAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await _context.CountStoredAsync(Names, cancellationToken);
            }
            catch (CqlException ex) when (ex.IsTransient && clock.Elapsed < ReadRetryWindow)
            {
                _context.Log($"count failed ({ex.GetType().Name}), retrying");
                await Task.Delay(PollInterval, cancellationToken);
            }
        }
    }

    private async Task<TimeSpan> WaitForStoredAsync(long atLeast, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        long count;
        while ((count = await CountStoredAsync(cancellationToken)) < atLeast)
        {
            if (clock.Elapsed > StoreTimeout)
            {
                throw new TimeoutException($"only {count} of {atLeast} orders stored after {StoreTimeout.TotalSeconds:0} s");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        return clock.Elapsed;
    }

    /// Checks that the consumer is still running (it must ride out the fault, never exit on it).
    public void CheckConsumerAlive(string during)
    {
        var alive = !Consumer.HasExited;
        _checks.Add(ScenarioCheck.That($"consumer kept running {during}", alive,
            alive ? "still running" : $"exited: {Consumer.Tail().Split('\n').LastOrDefault(l => l.Length > 0)}"));
    }

    /// Checks that the consumer reported its partitions paused (while no write could succeed).
    public void CheckConsumerPaused()
    {
        var paused = Consumer.Tail().Contains("PAUSED", StringComparison.Ordinal);
        _checks.Add(ScenarioCheck.That("consumer paused its partitions", paused,
            paused ? "its status line said PAUSED" : "no PAUSED status line in its output"));
    }

    /// Measures how long after the fault ended every order is stored (the consumer keeps running meanwhile).
    public async Task<TimeSpan> WaitForAllStoredAsync(CancellationToken cancellationToken)
    {
        var recovery = await WaitForStoredAsync(Rows, cancellationToken);
        _context.Log($"all {Rows} orders stored {recovery.TotalSeconds:0.0} s after the fault ended");
        return recovery;
    }

    /// Waits for both children to end by themselves, checks their exit codes, reconciles, and builds the row.
    public async Task<ScenarioResult> FinishAsync(IChaosScenario scenario, TimeSpan? timeToRecover, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var produced = await _producer!.WaitAsync(ChildTimeout, cancellationToken);
        _checks.Add(ScenarioCheck.That("producer delivered everything (exit 0)", produced.ExitCode == 0,
            $"exit {produced.ExitCode}: {Line(produced.OutputTail, "delivered")}, {Line(produced.OutputTail, "failed")}"));
        var consumed = await Consumer.WaitAsync(ChildTimeout, cancellationToken);
        _checks.Add(ScenarioCheck.That("consumer drained the topic and exited by itself (exit 0)", consumed.ExitCode == 0,
            $"exit {consumed.ExitCode} after {consumed.Elapsed.TotalSeconds:0} s: {LastLine(consumed.OutputTail)}"));
        var reconciliation = await ReconcileAsync(cancellationToken);
        return reconciliation.ToResult(scenario, reconciliation.RowsRead, timeToRecover, _clock.Elapsed, _checks);
    }

    private async Task<ChaosReconciliation> ReconcileAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await _context.ReconcileAsync(Names, Csv, cancellationToken);
            }
            catch (CqlException ex) when (ex.IsTransient && clock.Elapsed < ReadRetryWindow)
            {
                _context.Log($"reconciliation read failed ({ex.GetType().Name}), retrying");
                await Task.Delay(PollInterval, cancellationToken);
            }
        }
    }

    /// The producer's summary table row with <paramref name="label"/> (e.g. "delivered │ 5,000"), without borders.
    private static string Line(string text, string label) =>
        text.Split('\n').Select(l => l.Trim(' ', '│', '|', '\r')).FirstOrDefault(l => l.StartsWith(label, StringComparison.Ordinal)) is { } line
            ? string.Join(' ', line.Split(['│', '|', ' '], StringSplitOptions.RemoveEmptyEntries))
            : $"no '{label}' line";

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "(no output)";

    public async ValueTask DisposeAsync()
    {
        if (_producer is not null)
        {
            await _producer.DisposeAsync();
        }

        if (_consumer is not null)
        {
            await _consumer.DisposeAsync();
        }

        // Starting a server that runs only waits for its readiness, so this is cheap on a healthy stack.
        foreach (var kind in new[] { ServerKind.Kafka, ServerKind.Cassandra })
        {
            for (var index = 0; index < Servers; index++)
            {
                await _context.Stack.StartNodeAsync(kind, index, CancellationToken.None);
            }
        }
    }
}
