using System.Net.Security;

namespace OrderPipeline.Cql.Connections;

/// <summary>What one connection needs to know, taken from the frozen session options.</summary>
internal sealed record ConnectionSettings
{
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(12);

    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(30);

    public int MaxRequestsPerConnection { get; init; } = 2048;

    public bool Compression { get; init; }

    public string? Username { get; init; }

    public string? Password { get; init; }

    public string? Keyspace { get; init; }

    /// <summary>TLS client options; null for plain TCP.</summary>
    public SslClientAuthenticationOptions? Tls { get; init; }

    public int MaxFrameBodyLength { get; init; } = Protocol.FrameHeader.MaxBodyLength;
}
