using OrderPipeline.Stack;

namespace OrderPipeline.Chaos.Framework;

/// Where the chaos stacks run and how big the inputs are. The defaults keep the user's own stack
/// (127.0.0.x, ~/.cache/orderpipeline/stack) untouched: another subnet and a `chaos` subfolder.
public sealed record ChaosOptions
{
    public const string DefaultSubnet = "127.0.90";
    public const int DefaultRows = 5000;

    /// Loopback /24 for the chaos stacks (one at a time).
    public string Subnet { get; init; } = DefaultSubnet;

    /// Parent of the stacks' state folders (one per topology, wiped when the run ends).
    public required string StateRoot { get; init; }

    /// Shared Kafka/Cassandra install cache (the normal one: nothing is downloaded twice).
    public required string CacheDirectory { get; init; }

    /// The built CLI (orderpipeline.dll) that scenarios run as `produce` / `consume` child processes.
    public required string CliAssembly { get; init; }

    /// Scratch folder for generated inputs, rejects files and child process logs.
    public required string WorkDirectory { get; init; }

    /// Orders per generated input.
    public int Rows { get; init; } = DefaultRows;

    public int Seed { get; init; } = 6;

    /// The defaults next to the normal stack: state in &lt;stack dir&gt;/chaos, the CLI next to this assembly.
    public static ChaosOptions Defaults(string? subnet = null, int? rows = null, string? cliAssembly = null)
    {
        var stack = StackOptions.FromEnvironment();
        return new ChaosOptions
        {
            Subnet = subnet ?? DefaultSubnet,
            StateRoot = Path.Combine(stack.StateDirectory, "chaos"),
            CacheDirectory = stack.CacheDirectory,
            CliAssembly = cliAssembly ?? Path.Combine(AppContext.BaseDirectory, "orderpipeline.dll"),
            WorkDirectory = Path.Combine(Path.GetTempPath(), $"orderpipeline-chaos-{Environment.ProcessId}"),
            Rows = rows ?? DefaultRows,
        };
    }

    /// The stack options for one topology: this subnet, its own state folder.
    public StackOptions StackFor(StackTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var options = new StackOptions
        {
            Subnet = Subnet,
            StateDirectory = Path.Combine(StateRoot, ChaosTopologies.Label(topology)),
            CacheDirectory = CacheDirectory,
        };
        options.Validate();
        return options;
    }
}
