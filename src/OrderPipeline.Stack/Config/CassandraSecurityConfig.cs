using System.Text.Json.Nodes;

namespace OrderPipeline.Stack.Config;

/// The cassandra.yaml keys for <see cref="CassandraSecurityOptions"/>; untouched package defaults when off.
internal static class CassandraSecurityConfig
{
    /// Cassandra 2.1's built-in list has only AES-CBC-SHA1 suites (RSA, DHE, ECDHE key exchange), and .NET on
    /// Linux offers none of them by default: the handshake ends with no shared cipher (measured: the node
    /// closes the connection). These AEAD suites are in both Java 17's and .NET's defaults; the node then
    /// speaks TLSv1.2 (no TLSv1.3: 2.1 lists no TLSv1.3 suite).
    public static readonly IReadOnlyList<string> DefaultCipherSuites =
    [
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
    ];

    public static void Apply(JsonObject root, CassandraSecurityOptions security)
    {
        if (security.PasswordAuthentication)
        {
            root["authenticator"] = "PasswordAuthenticator";
        }

        if (security.Authorization)
        {
            root["authorizer"] = "CassandraAuthorizer";
        }

        if (security.ClientEncryption is { } tls)
        {
            var options = new JsonObject
            {
                ["enabled"] = true,
                ["keystore"] = tls.KeystorePath,
                ["keystore_password"] = tls.KeystorePassword,
            };
            if (tls.Protocol is { } protocol)
            {
                options["protocol"] = protocol;
            }

            options["cipher_suites"] = new JsonArray([.. (tls.CipherSuites ?? DefaultCipherSuites).Select(s => (JsonNode?)s)]);

            root["client_encryption_options"] = options;
        }
    }
}
