using System.Diagnostics;
using System.Security.Cryptography;
using OrderPipeline.Stack;

namespace OrderPipeline.TestSupport.Stack;

/// A self-signed node certificate for TLS tests, made at test time with the JDK's keytool: a JKS keystore for
/// Cassandra (2.1 reads JKS) and the certificate as PEM for the client to trust. The keystore password is
/// random per run; nothing secret is checked in.
public sealed record TestKeystore(string KeystorePath, string KeystorePassword, string CertificatePemPath)
{
    public const string Keytool = "/usr/bin/keytool";

    /// Creates both files in <paramref name="directory"/>, the certificate valid for the given IP addresses.
    public static async Task<TestKeystore> CreateAsync(string directory, IEnumerable<string> ipAddresses, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        var keystore = Path.Combine(directory, "node-keystore.jks");
        var pem = Path.Combine(directory, "node-cert.pem");
        File.Delete(keystore);
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        var san = "SAN=" + string.Join(',', ipAddresses.Select(ip => "ip:" + ip));
        await RunAsync(cancellationToken, "-genkeypair", "-alias", "node", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
            "-dname", "CN=orderpipeline-test-node", "-ext", san, "-storetype", "JKS", "-keystore", keystore,
            "-storepass", password, "-keypass", password);
        await RunAsync(cancellationToken, "-exportcert", "-rfc", "-alias", "node", "-keystore", keystore, "-storepass", password, "-file", pem);
        return new TestKeystore(keystore, password, pem);
    }

    public CassandraClientEncryption ToClientEncryption() => new(KeystorePath, KeystorePassword);

    private static async Task RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        var psi = new ProcessStartInfo(Keytool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {Keytool}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"keytool {args[0]} exited with {process.ExitCode}: {await stdout}{await stderr}");
        }
    }
}
