using System.Text.Json.Nodes;

namespace OrderPipeline.Stack.Config;

/// The cassandra.yaml keys for <see cref="CassandraSecurityOptions"/>; untouched package defaults when off.
internal static class CassandraSecurityConfig
{
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

            if (tls.CipherSuites is { } suites)
            {
                options["cipher_suites"] = new JsonArray([.. suites.Select(s => (JsonNode?)s)]);
            }

            root["client_encryption_options"] = options;
        }
    }
}
