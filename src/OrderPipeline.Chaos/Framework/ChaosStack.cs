using OrderPipeline.Stack;

namespace OrderPipeline.Chaos.Framework;

/// The stack a group of scenarios runs on: started by the runner for one topology (stopped and wiped when its
/// scenarios are done), or an already running stack attached by a test fixture (left running).
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "A server stack, not a Stack<T> collection.")]
public sealed class ChaosStack
{
    private readonly bool _owned;

    private ChaosStack(LocalStack stack, StackInfo info, bool owned)
    {
        Stack = stack;
        Info = info;
        _owned = owned;
    }

    public LocalStack Stack { get; }

    public StackInfo Info { get; }

    /// Stops whatever an earlier, crashed run left on this subnet and state folder, then starts fresh.
    public static async Task<ChaosStack> StartAsync(ChaosOptions options, StackTopology topology, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var stack = new LocalStack(options.StackFor(topology));
        await stack.DownAsync(wipe: true, cancellationToken);
        try
        {
            var info = await stack.UpAsync(topology, cancellationToken);
            return new ChaosStack(stack, info, owned: true);
        }
        catch
        {
            await stack.DownAsync(wipe: true, CancellationToken.None);
            throw;
        }
    }

    /// A stack somebody else started and keeps running (the test suite's stack); every server must be up.
    public static async Task<ChaosStack> AttachAsync(LocalStack stack, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var status = await stack.StatusAsync(cancellationToken);
        if (status.Health != StackHealth.Running || status.Topology is null)
        {
            throw new InvalidOperationException(
                $"The stack in {stack.Options.StateDirectory} ({stack.Options.Subnet}.x) is {status.Health}, not running; start it with './orderpipeline stack up'.");
        }

        var info = new StackInfo(new StackLayout(stack.Options, status.Topology), status.Servers, TimeSpan.Zero, 0);
        return new ChaosStack(stack, info, owned: false);
    }

    /// Stops and wipes a stack this run started; an attached stack is left as it was.
    public async Task StopAsync()
    {
        if (_owned)
        {
            await Stack.DownAsync(wipe: true, CancellationToken.None);
        }
    }
}
