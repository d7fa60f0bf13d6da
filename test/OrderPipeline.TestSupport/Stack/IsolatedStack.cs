using OrderPipeline.Stack;

namespace OrderPipeline.TestSupport.Stack;

/// A private stack with its own topology on a fresh loopback subnet, for tests that change the servers
/// (kill a broker, restart a node) or need 3+3. Start with <see cref="StartAsync"/>, dispose to stop it
/// and delete its data.
/// <example><code>
/// await using var stack = await IsolatedStack.StartAsync(new StackTopology(3, 3));
/// await stack.Stack.KillNodeAsync(ServerKind.Cassandra, 1);
/// </code></example>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "A server stack, not a Stack<T> collection.")]
public sealed class IsolatedStack : IAsyncDisposable
{
    /// Default subnets for isolated stacks: 127.0.100.x .. 127.0.199.x.
    public const int DefaultFirstSubnet = 100;
    public const int DefaultLastSubnet = 199;

    private readonly SubnetLease _lease;
    private int _disposed;

    private IsolatedStack(SubnetLease lease, LocalStack stack, StackInfo info)
    {
        _lease = lease;
        Stack = stack;
        Info = info;
    }

    /// The stack itself, for node-level operations (StopNodeAsync, KillNodeAsync, StartNodeAsync, StatusAsync).
    public LocalStack Stack { get; }

    public StackInfo Info { get; }

    public string Subnet => _lease.Subnet;

    public StackOptions Options => Stack.Options;

    public string BootstrapServers => Info.BootstrapServers;

    public IReadOnlyList<string> CassandraContactPoints => Info.CassandraContactPoints;

    public IReadOnlyList<string> CassandraHosts => Info.CassandraHosts;

    /// Starts a stack on the first free subnet in [firstSubnet, lastSubnet]; state under
    /// <paramref name="stateRoot"/> (default /tmp/orderpipeline-isolated). A subnet whose addresses a foreign
    /// process holds is skipped. <paramref name="cassandraSecurity"/>, when given, is called with the leased
    /// subnet's options (its state folder is empty and may hold a keystore) and returns the nodes' auth/TLS settings.
    public static async Task<IsolatedStack> StartAsync(StackTopology topology, int firstSubnet = DefaultFirstSubnet,
        int lastSubnet = DefaultLastSubnet, string? stateRoot = null,
        Func<StackOptions, CancellationToken, Task<CassandraSecurityOptions>>? cassandraSecurity = null,
        CancellationToken cancellationToken = default)
    {
        var root = stateRoot ?? Path.Combine(Path.GetTempPath(), "orderpipeline-isolated");
        var skipped = new HashSet<int>();
        while (true)
        {
            var lease = SubnetLease.Acquire(firstSubnet, lastSubnet, skipped);
            var defaults = StackOptions.FromEnvironment();
            var options = new StackOptions
            {
                Subnet = lease.Subnet,
                StateDirectory = Path.Combine(root, lease.Subnet),
                CacheDirectory = defaults.CacheDirectory,
            };
            var stack = new LocalStack(options);
            try
            {
                // Servers a crashed earlier test run left behind on this subnet are recorded in its state folder.
                await stack.DownAsync(wipe: true, cancellationToken).ConfigureAwait(false);
                if (cassandraSecurity is not null)
                {
                    Directory.CreateDirectory(options.StateDirectory);
                    stack = new LocalStack(options.WithCassandraSecurity(await cassandraSecurity(options, cancellationToken).ConfigureAwait(false)));
                }

                var info = await stack.UpAsync(topology, cancellationToken).ConfigureAwait(false);
                return new IsolatedStack(lease, stack, info);
            }
            catch (StackException ex) when (ex.Kind == StackErrorKind.PortInUse)
            {
                skipped.Add(lease.Octet);
                lease.Dispose();
            }
            catch
            {
                await stack.DownAsync(wipe: false, CancellationToken.None).ConfigureAwait(false);
                lease.Dispose();
                throw;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        try
        {
            await Stack.DownAsync(wipe: true).ConfigureAwait(false);
        }
        finally
        {
            _lease.Dispose();
        }
    }
}
