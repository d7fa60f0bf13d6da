using OrderPipeline.Cql;
using OrderPipeline.Stack;
using OrderPipeline.TestSupport.Stack;
using Spectre.Console.Cli;
using Spectre.Console.Testing;

namespace OrderPipeline.Cli.Tests.Commands.Cql;

/// `orderpipeline cql` against a Cassandra node with PasswordAuthenticator (its own one-node stack).
[Trait("Category", "Integration")]
public sealed class CqlCommandAuthIntegrationTests(CqlCommandAuthIntegrationTests.AuthNode node) : IClassFixture<CqlCommandAuthIntegrationTests.AuthNode>
{
    [Fact]
    public async Task Should_RunStatement_When_CredentialsAreRight()
    {
        // When the command runs with the default superuser
        var (exit, output) = await RunAsync("cql", "--contact-points", node.Host, "-u", DefaultSuperuser.Name, "-p", DefaultSuperuser.Password,
            "SELECT release_version FROM system.local");

        // Then it prints the row
        Assert.True(exit == 0, output);
        Assert.Contains("2.1.0", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_PrintOneLineErrorAndExit1_When_PasswordIsWrong()
    {
        // When the command runs with a wrong password
        var (exit, output) = await RunAsync("cql", "--contact-points", node.Host, "-u", DefaultSuperuser.Name, "-p", "wrong",
            "SELECT release_version FROM system.local");

        // Then one line says authentication failed, and the exit code is 1 (user error, not an outage)
        Assert.Equal(1, exit);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("Error: Authentication failed: ", line, StringComparison.Ordinal);
        Assert.Contains("Username and/or password are incorrect", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_PrintOneLineErrorAndExit1_When_CredentialsAreMissing()
    {
        // When the command runs without credentials
        var (exit, output) = await RunAsync("cql", "--contact-points", node.Host, "SELECT release_version FROM system.local");

        // Then one line says which settings are missing
        Assert.Equal(1, exit);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("Error: Authentication failed: ", line, StringComparison.Ordinal);
        Assert.Contains("requires authentication", line, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        using var console = new TestConsole();
        console.Profile.Width = 1000;
        var app = new CommandApp();
        app.Configure(config =>
        {
            CommandRegistry.Register(config);
            config.ConfigureConsole(console);
        });
        var exit = await app.RunAsync(args);
        return (exit, console.Output);
    }

    /// One Cassandra node with PasswordAuthenticator, ready once the default superuser can log in.
    public sealed class AuthNode : IAsyncLifetime
    {
        private IsolatedStack? _stack;

        public string Host => (_stack ?? throw new InvalidOperationException("Not started.")).CassandraHosts[0];

        public async Task InitializeAsync()
        {
            _stack = await IsolatedStack.StartAsync(new StackTopology(1, 1),
                cassandraSecurity: (_, _) => Task.FromResult(new CassandraSecurityOptions { PasswordAuthentication = true }));
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (true)
            {
                try
                {
                    await using var session = await CqlSession.ConnectAsync(new CqlSessionOptions
                    {
                        ContactPoints = [Host],
                        Username = DefaultSuperuser.Name,
                        Password = DefaultSuperuser.Password,
                    });
                    return;
                }
                catch (CqlException) when (clock.Elapsed < TimeSpan.FromSeconds(90))
                {
                    await Task.Delay(500);
                }
            }
        }

        public async Task DisposeAsync()
        {
            if (_stack is not null)
            {
                await _stack.DisposeAsync();
            }
        }
    }
}
