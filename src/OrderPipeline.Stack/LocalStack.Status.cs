using OrderPipeline.Stack.Processes;

namespace OrderPipeline.Stack;

public sealed partial class LocalStack
{
    /// Every server of the recorded topology: is its process alive, does it answer, how much memory it holds.
    public async Task<StackStatus> StatusAsync(CancellationToken cancellationToken = default)
    {
        var state = StackState.Load(Options.StateDirectory);
        if (state is null || state.Servers.Count == 0)
        {
            return new StackStatus(StackHealth.NotRunning, null, []);
        }

        var layout = new StackLayout(Options, state.Topology);
        var checks = layout.All.Select(async spec =>
        {
            var record = state.Find(spec.Kind, spec.Index);
            if (record is null)
            {
                return new ServerStatus(spec, null, ServerState.NotStarted, null);
            }

            if (!IsAlive(record))
            {
                return new ServerStatus(spec, record, ServerState.Dead, null);
            }

            var answers = await Readiness.AnswersAsync(spec.Kind, spec.Host, spec.Port, spec.ClientTls, cancellationToken).ConfigureAwait(false);
            return new ServerStatus(spec, record, answers ? ServerState.Up : ServerState.NotAnswering, ProcessTable.ResidentBytes(record.Pid));
        });
        var servers = await Task.WhenAll(checks).ConfigureAwait(false);
        var health = servers.All(s => s.State == ServerState.Up) ? StackHealth.Running
            : servers.Any(s => s.State is ServerState.Up or ServerState.NotAnswering) ? StackHealth.Degraded
            : StackHealth.NotRunning;
        return new StackStatus(health, state.Topology, servers);
    }
}
