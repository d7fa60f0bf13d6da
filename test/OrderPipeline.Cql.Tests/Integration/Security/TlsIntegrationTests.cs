using System.Security.Cryptography.X509Certificates;

namespace OrderPipeline.Cql.Tests.Integration.Security;

/// The client against a real Cassandra 2.1 node (on the machine's Java 17) with client_encryption_options on.
[Collection(IsolatedStackGroup.Name)]
[Trait("Category", "Integration")]
public sealed class TlsIntegrationTests(TlsStackFixture tls) : IClassFixture<TlsStackFixture>
{
    [Fact]
    public async Task Should_Query_When_NodeCertificateIsTrustedThroughCertificateAuthorityFile()
    {
        // Given TLS on, trusting the node's self-signed certificate from its PEM file (name checked against the IP)
        var options = Options(new CqlTlsOptions { Enabled = true, CertificateAuthorityFile = tls.Keystore.CertificatePemPath, CheckCertificateRevocation = false });

        // When connecting and querying
        await using var session = await CqlSession.ConnectAsync(options);
        var row = Assert.Single(await session.ExecuteAsync("SELECT release_version FROM system.local"));

        // Then the encrypted connection carries ordinary requests
        Assert.StartsWith("2.1", row.Get<string>("release_version"), StringComparison.Ordinal);
        Assert.Equal(3, session.ProtocolVersion);
    }

    [Fact]
    public async Task Should_Query_When_CustomValidationCallbackPinsTheCertificate()
    {
        // Given a callback that accepts exactly the node's certificate (pinning by thumbprint)
        var expected = X509CertificateLoader.LoadCertificateFromFile(tls.Keystore.CertificatePemPath).Thumbprint;
        var seen = 0;
        var options = Options(new CqlTlsOptions
        {
            Enabled = true,
            RemoteCertificateValidation = (_, certificate, _, _) =>
            {
                Interlocked.Increment(ref seen);
                return certificate is not null && string.Equals(certificate.GetCertHashString(), expected, StringComparison.OrdinalIgnoreCase);
            },
        });

        // When connecting and querying
        await using var session = await CqlSession.ConnectAsync(options);
        var rows = await session.ExecuteAsync("SELECT key FROM system.local");

        // Then the callback decided, and the query ran
        Assert.Single(rows);
        Assert.True(seen > 0);
    }

    [Fact]
    public async Task Should_RejectWithTlsError_When_CertificateIsNotTrusted()
    {
        // Given TLS on with the system trust store, which does not know the self-signed certificate
        var options = Options(new CqlTlsOptions { Enabled = true, CheckCertificateRevocation = false });

        // When connecting
        var error = await Assert.ThrowsAsync<CqlNoHostAvailableException>(() => CqlSession.ConnectAsync(options));

        // Then the node's error says the TLS handshake failed on the certificate chain
        var connection = Assert.IsType<CqlConnectionException>(Assert.Single(error.Errors.Values));
        Assert.Contains("TLS handshake", connection.Message, StringComparison.Ordinal);
        Assert.Contains("UntrustedRoot", connection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_RejectWithTlsError_When_NameDoesNotMatchTheCertificate()
    {
        // Given the right authority but a target name the certificate does not carry
        var options = Options(new CqlTlsOptions
        {
            Enabled = true,
            CertificateAuthorityFile = tls.Keystore.CertificatePemPath,
            CheckCertificateRevocation = false,
            TargetHost = "cassandra.example.org",
        });

        // When connecting
        var error = await Assert.ThrowsAsync<CqlNoHostAvailableException>(() => CqlSession.ConnectAsync(options));

        // Then the error names the mismatch
        var connection = Assert.IsType<CqlConnectionException>(Assert.Single(error.Errors.Values));
        Assert.Contains("TLS handshake", connection.Message, StringComparison.Ordinal);
        Assert.Contains("RemoteCertificateNameMismatch", connection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_FailFast_When_PlainClientMeetsTlsPort()
    {
        // Given a client without TLS (Cassandra 2.1 has no "optional" client encryption)
        var options = Options(new CqlTlsOptions { Enabled = false });
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // When connecting
        var error = await Assert.ThrowsAsync<CqlNoHostAvailableException>(() => CqlSession.ConnectAsync(options));

        // Then it fails as a connection error, well before the request timeout, not as a hang
        Assert.IsAssignableFrom<CqlConnectionException>(Assert.Single(error.Errors.Values));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    private CqlSessionOptions Options(CqlTlsOptions tlsOptions) => new()
    {
        ContactPoints = [tls.Host],
        Tls = tlsOptions,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        RequestTimeout = TimeSpan.FromSeconds(5),
    };
}
