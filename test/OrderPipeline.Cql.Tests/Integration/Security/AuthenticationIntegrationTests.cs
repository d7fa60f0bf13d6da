using System.Security.Cryptography;
using OrderPipeline.TestSupport.Stack;

namespace OrderPipeline.Cql.Tests.Integration.Security;

/// The client's SASL PLAIN login against a real Cassandra 2.1 node with PasswordAuthenticator and CassandraAuthorizer.
[Collection(IsolatedStackGroup.Name)]
[Trait("Category", "Integration")]
public sealed class AuthenticationIntegrationTests(AuthStackFixture auth, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<AuthStackFixture>
{
    [Fact]
    public async Task Should_Query_When_CredentialsAreRight()
    {
        // Given the default superuser's credentials
        output.WriteLine($"superuser could log in {auth.SuperuserDelay.TotalSeconds:F1} s after the node served clients");

        // When connecting and writing then reading a row at QUORUM
        await using var session = await CqlSession.ConnectAsync(auth.Options(DefaultSuperuser.Name, DefaultSuperuser.Password));
        var keyspace = "auth_it_" + Guid.NewGuid().ToString("N")[..12];
        await session.ExecuteAsync($"CREATE KEYSPACE {keyspace} WITH replication = {{'class': 'SimpleStrategy', 'replication_factor': 1}}");
        await session.ExecuteAsync($"CREATE TABLE {keyspace}.t (k int PRIMARY KEY, v text)");
        var insert = await session.PrepareAsync($"INSERT INTO {keyspace}.t (k, v) VALUES (?, ?)");
        await session.ExecuteAsync(insert.Bind(1, "logged in"));
        var row = Assert.Single(await session.ExecuteAsync($"SELECT v FROM {keyspace}.t WHERE k = 1"));

        // Then the authenticated session works like any other
        Assert.Equal("logged in", row.Get<string>("v"));
        await session.ExecuteAsync($"DROP KEYSPACE {keyspace}");
    }

    [Fact]
    public async Task Should_ThrowAuthenticationException_When_PasswordIsWrong()
    {
        // Given the superuser's name with a wrong password
        var options = auth.Options(DefaultSuperuser.Name, "not-the-password");

        // When connecting
        var error = await Assert.ThrowsAsync<CqlAuthenticationException>(() => CqlSession.ConnectAsync(options));

        // Then the typed bad-credentials error carries the server's message and the node
        Assert.Equal(CqlErrorCode.BadCredentials, error.Code);
        Assert.Contains("Username and/or password are incorrect", error.Message, StringComparison.Ordinal);
        Assert.Contains(auth.Host, error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task Should_SayCredentialsAreMissing_When_NodeRequiresThem()
    {
        // Given no credentials
        var options = auth.Options(null, null);

        // When connecting
        var error = await Assert.ThrowsAsync<CqlAuthenticationException>(() => CqlSession.ConnectAsync(options));

        // Then the message names the authenticator and the settings to fill in
        Assert.Contains("PasswordAuthenticator", error.Message, StringComparison.Ordinal);
        Assert.Contains("Cql:Username", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_ThrowUnauthorized_When_UserLacksPermission()
    {
        // Given a user without any grant (password random per run) and a table it may not read
        await using var admin = await CqlSession.ConnectAsync(auth.Options(DefaultSuperuser.Name, DefaultSuperuser.Password));
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var user = "reader_" + suffix;
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        var keyspace = "authz_it_" + suffix;
        await admin.ExecuteAsync($"CREATE USER {user} WITH PASSWORD '{password}' NOSUPERUSER");
        await admin.ExecuteAsync($"CREATE KEYSPACE {keyspace} WITH replication = {{'class': 'SimpleStrategy', 'replication_factor': 1}}");
        await admin.ExecuteAsync($"CREATE TABLE {keyspace}.t (k int PRIMARY KEY)");
        try
        {
            // When that user logs in and reads the table
            await using var reader = await CqlSession.ConnectAsync(auth.Options(user, password));
            var error = await Assert.ThrowsAsync<CqlUnauthorizedException>(() => reader.ExecuteAsync($"SELECT * FROM {keyspace}.t"));

            // Then login worked, and the read is refused with the typed error naming the permission
            Assert.Equal(CqlErrorCode.Unauthorized, error.Code);
            Assert.Contains("SELECT", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            await admin.ExecuteAsync($"DROP KEYSPACE {keyspace}");
            await admin.ExecuteAsync($"DROP USER {user}");
        }
    }
}
