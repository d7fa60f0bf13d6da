using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace OrderPipeline.Cql;

/// <summary>TLS settings for connections to the nodes (Cassandra's client_encryption_options).</summary>
public sealed class CqlTlsOptions
{
    /// <summary>The authorities read from <see cref="CertificateAuthorityFile"/> when the session was created.</summary>
    private X509Certificate2Collection? _authorities;

    /// <summary>Whether to wrap connections in TLS. Default: false.</summary>
    public bool Enabled { get; set; }

    /// <summary>The name the node certificates must carry; default: the contact point as written.</summary>
    public string? TargetHost { get; set; }

    /// <summary>
    /// Accept certificates that fail validation (self-signed test clusters only). Default: false. Never enable
    /// this in production: it removes the protection against a man in the middle.
    /// </summary>
    public bool AllowInvalidCertificates { get; set; }

    /// <summary>Check certificate revocation. Default: true.</summary>
    public bool CheckCertificateRevocation { get; set; } = true;

    /// <summary>
    /// A PEM file with the certificate authorities (or self-signed node certificates) to trust instead of the
    /// system store; null (the default) trusts the system store. The name check still applies.
    /// </summary>
    public string? CertificateAuthorityFile { get; set; }

    /// <summary>Custom validation, called instead of the default checks when set (not bindable from configuration).</summary>
    public RemoteCertificateValidationCallback? RemoteCertificateValidation { get; set; }

    internal SslClientAuthenticationOptions? ToSslOptions(string defaultHost)
    {
        if (!Enabled)
        {
            return null;
        }

        var options = new SslClientAuthenticationOptions
        {
            TargetHost = TargetHost ?? defaultHost,
            CertificateRevocationCheckMode = CheckCertificateRevocation
                ? System.Security.Cryptography.X509Certificates.X509RevocationMode.Online
                : System.Security.Cryptography.X509Certificates.X509RevocationMode.NoCheck,
        };
        if (_authorities is { } authorities)
        {
            var policy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                RevocationMode = options.CertificateRevocationCheckMode,
            };
            policy.CustomTrustStore.AddRange(authorities);
            options.CertificateChainPolicy = policy;
        }

        if (RemoteCertificateValidation is { } callback)
        {
            options.RemoteCertificateValidationCallback = callback;
        }
        else if (AllowInvalidCertificates)
        {
#pragma warning disable CA5359 // Explicit, documented opt-in for self-signed test clusters (AllowInvalidCertificates).
            options.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
#pragma warning restore CA5359
        }

        return options;
    }

    /// <summary>A copy for a session, with <see cref="CertificateAuthorityFile"/> read once.</summary>
    /// <exception cref="ArgumentException">The file cannot be read or holds no certificate.</exception>
    internal CqlTlsOptions Clone()
    {
        var copy = (CqlTlsOptions)MemberwiseClone();
        if (Enabled && CertificateAuthorityFile is { } path)
        {
            var authorities = new X509Certificate2Collection();
            try
            {
                authorities.ImportFromPemFile(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
            {
                throw new ArgumentException($"Cql:Tls:CertificateAuthorityFile '{path}' cannot be read as PEM certificates: {ex.Message}", ex);
            }

            if (authorities.Count == 0)
            {
                throw new ArgumentException($"Cql:Tls:CertificateAuthorityFile '{path}' holds no PEM certificate.");
            }

            copy._authorities = authorities;
        }

        return copy;
    }
}
