namespace OrderPipeline.Stack;

/// Authentication and client TLS for the stack's Cassandra nodes. Off by default: the pipeline's own stack
/// runs open on loopback; tests and `stack up --auth` turn parts on.
public sealed class CassandraSecurityOptions
{
    public static CassandraSecurityOptions None { get; } = new();

    /// `authenticator: PasswordAuthenticator`. Cassandra 2.1 then creates its default superuser about 10 s
    /// after the node starts (not before: clients must poll), and every client must log in (SASL PLAIN).
    public bool PasswordAuthentication { get; init; }

    /// `authorizer: CassandraAuthorizer` (GRANT/REVOKE enforced); needs <see cref="PasswordAuthentication"/>.
    public bool Authorization { get; init; }

    /// `client_encryption_options` with this keystore: the native port then speaks only TLS.
    public CassandraClientEncryption? ClientEncryption { get; init; }

    public bool IsEnabled => PasswordAuthentication || Authorization || ClientEncryption is not null;

    /// Throws <see cref="StackException"/> (usage) for combinations Cassandra would refuse at start.
    public void Validate()
    {
        if (Authorization && !PasswordAuthentication)
        {
            throw new StackException(StackErrorKind.Usage,
                "CassandraAuthorizer needs PasswordAuthenticator (Cassandra refuses to start with an authorizer and AllowAllAuthenticator).");
        }

        if (ClientEncryption is { } tls && !File.Exists(tls.KeystorePath))
        {
            throw new StackException(StackErrorKind.Usage, $"The Cassandra client keystore {tls.KeystorePath} does not exist.");
        }
    }
}

/// The keystore Cassandra serves client TLS with. Cassandra 2.1's `store_type` defaults to JKS, so make one
/// with `keytool -genkeypair -storetype JKS`. Its client_encryption_options has no `optional` switch (added
/// in later versions): with TLS on, the native port refuses plain connections.
/// A class rather than a record so the password never shows up in a generated ToString.
public sealed class CassandraClientEncryption(string keystorePath, string keystorePassword)
{
    public string KeystorePath { get; } = Path.GetFullPath(keystorePath);

    public string KeystorePassword { get; } = keystorePassword;

    /// Cipher suites to offer; null: ECDHE-RSA with AES-GCM, which .NET clients accept (Cassandra 2.1's own
    /// list, AES-CBC-SHA1 only, shares no suite with .NET's defaults on Linux).
    public IReadOnlyList<string>? CipherSuites { get; init; }

    /// The JSSE protocol name; null keeps Cassandra's default "TLS" (on Java 17: TLSv1.2 and TLSv1.3 allowed).
    public string? Protocol { get; init; }
}
