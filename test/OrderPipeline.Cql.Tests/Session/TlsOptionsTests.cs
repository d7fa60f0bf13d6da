using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OrderPipeline.Cql.Tests.Session;

/// CqlTlsOptions.CertificateAuthorityFile: read once when the session is created, used as custom root trust.
public sealed class TlsOptionsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cql-tls-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Should_TrustOnlyTheFilesCertificates_When_CertificateAuthorityFileIsSet()
    {
        // Given a PEM file with one self-signed certificate
        using var key = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=test-node", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddHours(1));
        var path = Path.Combine(_directory, "ca.pem");
        File.WriteAllText(path, certificate.ExportCertificatePem());
        var options = new CqlSessionOptions { Tls = new CqlTlsOptions { Enabled = true, CertificateAuthorityFile = path } };

        // When the session's copy builds its TLS settings
        var ssl = options.FreezeCopy().Tls.ToSslOptions("10.0.0.1")!;

        // Then the chain is checked against that certificate alone, and the name against the node
        Assert.Equal("10.0.0.1", ssl.TargetHost);
        Assert.NotNull(ssl.CertificateChainPolicy);
        Assert.Equal(X509ChainTrustMode.CustomRootTrust, ssl.CertificateChainPolicy.TrustMode);
        Assert.Equal(certificate.Thumbprint, Assert.Single(ssl.CertificateChainPolicy.CustomTrustStore).Thumbprint);
        Assert.Null(ssl.RemoteCertificateValidationCallback);
    }

    [Fact]
    public async Task Should_RejectOptions_When_CertificateAuthorityFileIsMissingOrEmpty()
    {
        // Given a path that does not exist, and a file without any certificate
        var missing = Path.Combine(_directory, "missing.pem");
        var empty = Path.Combine(_directory, "empty.pem");
        File.WriteAllText(empty, "not a certificate");

        // When sessions are created with them
        var noFile = await Assert.ThrowsAsync<ArgumentException>(() => CqlSession.ConnectAsync(Tls(missing)));
        var noCertificate = await Assert.ThrowsAsync<ArgumentException>(() => CqlSession.ConnectAsync(Tls(empty)));

        // Then both fail before connecting, naming the setting and the file
        Assert.Contains("Cql:Tls:CertificateAuthorityFile", noFile.Message, StringComparison.Ordinal);
        Assert.Contains(missing, noFile.Message, StringComparison.Ordinal);
        Assert.Contains("holds no PEM certificate", noCertificate.Message, StringComparison.Ordinal);
    }

    private static CqlSessionOptions Tls(string path) => new()
    {
        ContactPoints = ["127.0.0.1:1"],
        Tls = new CqlTlsOptions { Enabled = true, CertificateAuthorityFile = path },
    };
}
