using System.Globalization;
using System.Net;
using OrderPipeline.Chaos.Framework;
using OrderPipeline.Chaos.Network;
using OrderPipeline.Stack;

namespace OrderPipeline.Chaos.Scenarios.Cluster;

/// Scenario 7: a network stall between the consumer and Cassandra. The consumer reaches Cassandra only through
/// a <see cref="TcpStallProxy"/> in front of node 0: it gets the proxy as its one contact point with
/// `--contact-points-only`, so the CQL client does not also connect to the addresses system.peers lists (which
/// would bypass the proxy); node 0 coordinates every write for the cluster. The proxy then freezes all traffic,
/// both directions, for 10 s: requests in flight and new ones get no answer. The consumer must neither hang nor
/// exit nor lose anything, and go on once traffic flows again.
public sealed class NetworkStallScenario : IChaosScenario
{
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);

    public int Number => 7;

    public string Name => "network-stall";

    public string Description => "a TCP proxy between consumer and Cassandra freezes all traffic for 10 s (no hang, no loss)";

    public StackTopology? Topology => ChaosTopologies.Cluster;

    public async Task<ScenarioResult> RunAsync(ChaosContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var node = context.Info.CassandraContactPoints[0];
        var separator = node.LastIndexOf(':');
        var target = new IPEndPoint(IPAddress.Parse(node[..separator]), int.Parse(node[(separator + 1)..], CultureInfo.InvariantCulture));
        // The proxy listens on the stack's own subnet (a free port), so the scenario stays inside its addresses.
        await using var proxy = new TcpStallProxy(new IPEndPoint(target.Address, 0), target);
        proxy.Start();
        var contactPoint = $"{proxy.LocalEndPoint.Address}:{proxy.LocalEndPoint.Port}";
        context.Log($"proxy {contactPoint} -> {node}");

        await using var run = await ClusterRun.PrepareAsync(context, cancellationToken);
        await run.StartAndWaitMidIngestAsync(contactPoint, cancellationToken);
        proxy.Freeze();
        context.Log($"proxy frozen ({proxy.OpenConnections} consumer connection(s) held)");
        // A send that was already under way when the freeze began may still complete: count from a moment later.
        await Task.Delay(Settle, cancellationToken);
        var forwardedEarly = proxy.BytesForwarded;
        await Task.Delay(Stall - Settle, cancellationToken);
        var forwardedLate = proxy.BytesForwarded;
        run.CheckConsumerAlive($"through a {Stall.TotalSeconds:0} s stall");
        proxy.Resume();
        context.Log("proxy resumed");

        var recovery = await run.WaitForAllStoredAsync(cancellationToken);
        var result = await run.FinishAsync(this, recovery, cancellationToken);
        // Each order is one INSERT of a few hundred bytes: far more than this means the writes used the proxy.
        var carried = proxy.BytesForwarded;
        return result with
        {
            Checks =
            [
                .. result.Checks,
                ScenarioCheck.That("the consumer's Cassandra traffic went through the proxy", carried > 100L * run.Rows,
                    $"{carried:N0} bytes forwarded for {run.Rows:N0} orders"),
                ScenarioCheck.That("nothing passed while frozen", forwardedLate == forwardedEarly,
                    $"{forwardedLate - forwardedEarly:N0} bytes forwarded between {Settle.TotalSeconds:0} s and {Stall.TotalSeconds:0} s into the freeze"),
            ],
        };
    }
}
