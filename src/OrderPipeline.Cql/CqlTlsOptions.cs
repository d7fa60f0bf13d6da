using System.Net.Security;

namespace OrderPipeline.Cql;

/// <summary>TLS settings for connections to the nodes (Cassandra's client_encryption_options).</summary>
public sealed class CqlTlsOptions
{
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

    internal CqlTlsOptions Clone() => (CqlTlsOptions)MemberwiseClone();
}
