using OrderPipeline.Stack;
using OrderPipeline.TestSupport.Stack;

namespace OrderPipeline.Cql.Tests.Integration.Security;

/// One Cassandra node whose native port speaks only TLS, with a self-signed certificate made by keytool.
public sealed class TlsStackFixture : IAsyncLifetime
{
    private IsolatedStack? _stack;
    private TestKeystore? _keystore;

    public IsolatedStack Stack => _stack ?? throw new InvalidOperationException("The TLS stack is not started.");

    public TestKeystore Keystore => _keystore ?? throw new InvalidOperationException("The TLS stack is not started.");

    public string Host => Stack.CassandraHosts[0];

    public async Task InitializeAsync()
    {
        _stack = await IsolatedStack.StartAsync(new StackTopology(1, 1), cassandraSecurity: async (options, cancellationToken) =>
        {
            _keystore = await TestKeystore.CreateAsync(Path.Combine(options.StateDirectory, "tls"), [options.Host(1)], cancellationToken);
            return new CassandraSecurityOptions { ClientEncryption = _keystore.ToClientEncryption() };
        });
    }

    public async Task DisposeAsync()
    {
        if (_stack is not null)
        {
            await _stack.DisposeAsync();
        }
    }
}
