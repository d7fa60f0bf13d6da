using System.Text.Json.Nodes;
using OrderPipeline.Stack;
using OrderPipeline.Stack.Config;

namespace OrderPipeline.Stack.Tests.Unit;

public sealed class CassandraSecurityConfigTests : IDisposable
{
    private const string PackageDefaults = """
        {"authenticator": "AllowAllAuthenticator", "authorizer": "AllowAllAuthorizer",
         "client_encryption_options": {"enabled": false, "keystore": "conf/.keystore", "keystore_password": "cassandra"}}
        """;

    private readonly string _keystore = Path.GetTempFileName();

    private static StackOptions Options => new() { Subnet = "127.0.42", StateDirectory = "/tmp/op-unit", CacheDirectory = "/tmp/op-unit-cache" };

    public void Dispose() => File.Delete(_keystore);

    private static JsonObject Yaml(StackOptions options, out ServerSpec node)
    {
        var layout = new StackLayout(options, new StackTopology(1, 2));
        node = layout.CassandraNodes[1];
        var yaml = CassandraConfig.Yaml(layout, node, PackageDefaults);
        return JsonNode.Parse(string.Join('\n', yaml.Split('\n').Where(l => !l.StartsWith('#'))))!.AsObject();
    }

    [Fact]
    public void Should_KeepPackageDefaults_When_SecurityIsOff()
    {
        // When a node's yaml is generated with default options
        var yaml = Yaml(Options, out var node);

        // Then authentication and client TLS stay off, and probes use plain TCP without expecting a login
        Assert.Equal("AllowAllAuthenticator", (string)yaml["authenticator"]!);
        Assert.Equal("AllowAllAuthorizer", (string)yaml["authorizer"]!);
        Assert.False((bool)yaml["client_encryption_options"]!["enabled"]!);
        Assert.False(node.ClientTls);
        Assert.False(node.PasswordAuthentication);
    }

    [Fact]
    public void Should_WriteAuthenticatorAuthorizerAndClientTls_When_Enabled()
    {
        // Given options with every security feature on
        var options = Options.WithCassandraSecurity(new CassandraSecurityOptions
        {
            PasswordAuthentication = true,
            Authorization = true,
            ClientEncryption = new CassandraClientEncryption(_keystore, "generated-at-test-time"),
        });

        // When the yaml is generated
        var yaml = Yaml(options, out var node);

        // Then Cassandra gets PasswordAuthenticator, CassandraAuthorizer and TLS with suites .NET accepts
        Assert.Equal("PasswordAuthenticator", (string)yaml["authenticator"]!);
        Assert.Equal("CassandraAuthorizer", (string)yaml["authorizer"]!);
        var tls = yaml["client_encryption_options"]!;
        Assert.True((bool)tls["enabled"]!);
        Assert.Equal(_keystore, (string)tls["keystore"]!);
        Assert.Equal("generated-at-test-time", (string)tls["keystore_password"]!);
        Assert.Equal(["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"],
            tls["cipher_suites"]!.AsArray().Select(s => (string)s!));
        Assert.True(node.ClientTls);
        Assert.True(node.PasswordAuthentication);

        // And the copy kept the other options
        Assert.Equal("127.0.42", options.Subnet);
        Assert.Equal("/tmp/op-unit", options.StateDirectory);
        Assert.Same(CassandraSecurityOptions.None, Options.CassandraSecurity);
    }

    [Fact]
    public void Should_RefuseOptions_When_AuthorizerWithoutAuthenticator()
    {
        var options = Options.WithCassandraSecurity(new CassandraSecurityOptions { Authorization = true });

        var error = Assert.Throws<StackException>(options.Validate);

        Assert.Equal(StackErrorKind.Usage, error.Kind);
        Assert.Contains("PasswordAuthenticator", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_RefuseOptions_When_KeystoreIsMissing()
    {
        var options = Options.WithCassandraSecurity(new CassandraSecurityOptions
        {
            ClientEncryption = new CassandraClientEncryption("/nonexistent/keystore.jks", "x"),
        });

        var error = Assert.Throws<StackException>(options.Validate);

        Assert.Contains("/nonexistent/keystore.jks", error.Message, StringComparison.Ordinal);
    }
}
