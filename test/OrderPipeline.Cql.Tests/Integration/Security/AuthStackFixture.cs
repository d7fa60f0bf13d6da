using System.Diagnostics;
using OrderPipeline.Stack;
using OrderPipeline.TestSupport.Stack;

namespace OrderPipeline.Cql.Tests.Integration.Security;

/// One Cassandra node with PasswordAuthenticator and CassandraAuthorizer; ready once the default superuser can
/// log in (Cassandra 2.1 creates it ~10 s after start, so the fixture polls).
public sealed class AuthStackFixture : IAsyncLifetime
{
    private static readonly TimeSpan SuperuserWait = TimeSpan.FromSeconds(90);
    private IsolatedStack? _stack;

    public IsolatedStack Stack => _stack ?? throw new InvalidOperationException("The auth stack is not started.");

    public string Host => Stack.CassandraHosts[0];

    /// How long after the node served clients the superuser could log in.
    public TimeSpan SuperuserDelay { get; private set; }

    public async Task InitializeAsync()
    {
        _stack = await IsolatedStack.StartAsync(new StackTopology(1, 1),
            cassandraSecurity: (_, _) => Task.FromResult(new CassandraSecurityOptions { PasswordAuthentication = true, Authorization = true }));
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var session = await CqlSession.ConnectAsync(Options(DefaultSuperuser.Name, DefaultSuperuser.Password));
                SuperuserDelay = clock.Elapsed;
                return;
            }
            catch (CqlException) when (clock.Elapsed < SuperuserWait)
            {
                await Task.Delay(500);
            }
        }
    }

    public CqlSessionOptions Options(string? username, string? password) => new()
    {
        ContactPoints = [Host],
        Username = username,
        Password = password,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        RequestTimeout = TimeSpan.FromSeconds(10),
    };

    public async Task DisposeAsync()
    {
        if (_stack is not null)
        {
            await _stack.DisposeAsync();
        }
    }
}
