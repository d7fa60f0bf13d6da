using System.Globalization;

namespace OrderPipeline.Cql;

/// <summary>
/// Settings of a <see cref="CqlSession"/>; bind them from the configuration section <c>Cql</c>
/// (<c>configuration.GetSection("Cql").Bind(options)</c>).
/// </summary>
/// <remarks>
/// <see cref="CqlSession.ConnectAsync(CqlSessionOptions, Microsoft.Extensions.Logging.ILoggerFactory?, CancellationToken)"/>
/// validates a copy and freezes it; changing the original afterwards does not affect the session, and
/// setters on the session's copy (<see cref="CqlSession.Options"/>) throw.
/// </remarks>
public sealed class CqlSessionOptions
{
    /// <summary>The configuration section name these options bind from.</summary>
    public const string SectionName = "Cql";

    /// <summary>Whether the options are frozen (owned by a session).</summary>
    public bool IsFrozen { get; private set; }

    /// <summary>Nodes to reach first, as <c>host</c> or <c>host:port</c>. Default (when empty): 127.0.0.1.</summary>
    public IList<string> ContactPoints { get; set { ThrowIfFrozen(); field = value; } } = [];

    /// <summary>
    /// Whether the session also connects to the nodes that <c>system.peers</c> lists. Default: true. Set it to
    /// false when the client reaches the cluster only through the contact points (a TCP proxy, a port forward, NAT)
    /// and the peers' own addresses are unreachable or must be bypassed: every request then goes to a contact
    /// point, which coordinates it for the whole cluster (token-aware routing has only those nodes to choose from).
    /// </summary>
    public bool DiscoverPeers { get; set { ThrowIfFrozen(); field = value; } } = true;

    /// <summary>The native-protocol port. Default: 9042.</summary>
    public int Port { get; set { ThrowIfFrozen(); field = value; } } = 9042;

    /// <summary>The datacenter to send requests to; default: the datacenter of the first node reached.</summary>
    public string? LocalDatacenter { get; set { ThrowIfFrozen(); field = value; } }

    /// <summary>User for PasswordAuthenticator; null when the cluster needs no authentication.</summary>
    public string? Username { get; set { ThrowIfFrozen(); field = value; } }

    /// <summary>Password for PasswordAuthenticator. Never logged.</summary>
    public string? Password { get; set { ThrowIfFrozen(); field = value; } }

    /// <summary>TLS settings. Default: off.</summary>
    public CqlTlsOptions Tls { get; set { ThrowIfFrozen(); field = value; } } = new();

    /// <summary>Keyspace every connection starts in; null for none.</summary>
    public string? Keyspace { get; set { ThrowIfFrozen(); field = value; } }

    /// <summary>Consistency of statements that set none. Default: LocalOne.</summary>
    public CqlConsistency Consistency { get; set { ThrowIfFrozen(); field = value; } } = CqlConsistency.LocalOne;

    /// <summary>Serial consistency of conditional statements that set none. Default: Serial.</summary>
    public CqlConsistency SerialConsistency { get; set { ThrowIfFrozen(); field = value; } } = CqlConsistency.Serial;

    /// <summary>How long to wait for a node's answer before <see cref="CqlClientTimeoutException"/>. Default: 12 s.</summary>
    public TimeSpan RequestTimeout { get; set { ThrowIfFrozen(); field = value; } } = TimeSpan.FromSeconds(12);

    /// <summary>How long opening a connection (TCP, TLS, handshake) may take. Default: 5 s.</summary>
    public TimeSpan ConnectTimeout { get; set { ThrowIfFrozen(); field = value; } } = TimeSpan.FromSeconds(5);

    /// <summary>Idle time after which a connection sends a heartbeat. Default: 30 s.</summary>
    public TimeSpan HeartbeatInterval { get; set { ThrowIfFrozen(); field = value; } } = TimeSpan.FromSeconds(30);

    /// <summary>Rows per page for statements that set none. Default: 5000.</summary>
    public int PageSize { get; set { ThrowIfFrozen(); field = value; } } = 5000;

    /// <summary>Connections per node. Default: 1 (each multiplexes many requests).</summary>
    public int ConnectionsPerNode { get; set { ThrowIfFrozen(); field = value; } } = 1;

    /// <summary>Requests in flight per connection before callers wait (1..32768). Default: 1024.</summary>
    public int MaxRequestsPerConnection { get; set { ThrowIfFrozen(); field = value; } } = 1024;

    /// <summary>Highest native protocol version to try (3 or 4); lower versions are negotiated down. Default: 4.</summary>
    public int MaxProtocolVersion { get; set { ThrowIfFrozen(); field = value; } } = 4;

    /// <summary>Use LZ4 frame compression when the server supports it. Default: false.</summary>
    public bool Compression { get; set { ThrowIfFrozen(); field = value; } }

    /// <summary>First delay before reconnecting to a node that went down. Default: 1 s.</summary>
    public TimeSpan ReconnectBaseDelay { get; set { ThrowIfFrozen(); field = value; } } = TimeSpan.FromSeconds(1);

    /// <summary>Longest delay between reconnection attempts. Default: 60 s.</summary>
    public TimeSpan ReconnectMaxDelay { get; set { ThrowIfFrozen(); field = value; } } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Delay after which an idempotent statement is also sent to the next node (speculative execution); null
    /// (the default) disables it.
    /// </summary>
    public TimeSpan? SpeculativeExecutionDelay { get; set { ThrowIfFrozen(); field = value; } }

    /// <summary>Extra speculative executions at most per statement. Default: 1.</summary>
    public int MaxSpeculativeExecutions { get; set { ThrowIfFrozen(); field = value; } } = 1;

    /// <summary>
    /// After a schema change (CREATE, ALTER, DROP), how long to wait for every up node to report the same schema
    /// version before returning, so the next statement does not meet a node that has not learned of the change
    /// yet ("unconfigured columnfamily"). Zero disables the wait. Default: 10 s.
    /// </summary>
    public TimeSpan SchemaAgreementTimeout { get; set { ThrowIfFrozen(); field = value; } } = TimeSpan.FromSeconds(10);

    /// <summary>Send a client-side default timestamp with each write (microseconds, monotonic). Default: true.</summary>
    public bool ClientTimestamps { get; set { ThrowIfFrozen(); field = value; } } = true;

    /// <summary>Checks every setting; throws with all problems listed.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (Port is < 1 or > 65535)
        {
            problems.Add($"Cql:Port must be 1-65535 (got {Port}).");
        }

        foreach (var contactPoint in ContactPoints)
        {
            if (string.IsNullOrWhiteSpace(contactPoint))
            {
                problems.Add("Cql:ContactPoints has an empty entry.");
            }
        }

        Positive(RequestTimeout, nameof(RequestTimeout), problems);
        Positive(ConnectTimeout, nameof(ConnectTimeout), problems);
        Positive(HeartbeatInterval, nameof(HeartbeatInterval), problems);
        Positive(ReconnectBaseDelay, nameof(ReconnectBaseDelay), problems);
        if (ReconnectMaxDelay < ReconnectBaseDelay)
        {
            problems.Add("Cql:ReconnectMaxDelay must not be shorter than Cql:ReconnectBaseDelay.");
        }

        if (SchemaAgreementTimeout < TimeSpan.Zero)
        {
            problems.Add($"Cql:SchemaAgreementTimeout must not be negative (got {SchemaAgreementTimeout}).");
        }

        if (PageSize < 1)
        {
            problems.Add($"Cql:PageSize must be positive (got {PageSize}).");
        }

        if (ConnectionsPerNode is < 1 or > 64)
        {
            problems.Add($"Cql:ConnectionsPerNode must be 1-64 (got {ConnectionsPerNode}).");
        }

        if (MaxRequestsPerConnection is < 1 or > 32768)
        {
            problems.Add($"Cql:MaxRequestsPerConnection must be 1-32768 (got {MaxRequestsPerConnection}).");
        }

        if (MaxProtocolVersion is < 3 or > 4)
        {
            problems.Add($"Cql:MaxProtocolVersion must be 3 or 4 (got {MaxProtocolVersion}).");
        }

        if ((Username is null) != (Password is null))
        {
            problems.Add("Cql:Username and Cql:Password must be set together.");
        }

        if (SpeculativeExecutionDelay is { } delay && delay <= TimeSpan.Zero)
        {
            problems.Add("Cql:SpeculativeExecutionDelay must be positive when set.");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid CQL session options: " + string.Join(" ", problems));
        }
    }

    /// <summary>A validated, frozen copy.</summary>
    internal CqlSessionOptions FreezeCopy()
    {
        Validate();
        var copy = (CqlSessionOptions)MemberwiseClone();
        copy.ContactPoints = ContactPoints.Count == 0 ? ["127.0.0.1"] : ContactPoints.ToArray();
        copy.Tls = Tls.Clone();
        copy.IsFrozen = true;
        return copy;
    }

    /// <summary>Splits "host" / "host:port" / "[v6]:port" into host and port.</summary>
    internal (string Host, int Port) ParseContactPoint(string contactPoint)
    {
        var text = contactPoint.Trim();
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            var host = text[1..close];
            return close + 1 < text.Length && text[close + 1] == ':'
                ? (host, int.Parse(text[(close + 2)..], CultureInfo.InvariantCulture))
                : (host, Port);
        }

        var colon = text.LastIndexOf(':');
        if (colon > 0 && text.IndexOf(':', StringComparison.Ordinal) == colon)
        {
            return (text[..colon], int.Parse(text[(colon + 1)..], CultureInfo.InvariantCulture));
        }

        return (text, Port);
    }

    private static void Positive(TimeSpan value, string name, List<string> problems)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add($"Cql:{name} must be positive (got {value}).");
        }
    }

    private void ThrowIfFrozen()
    {
        if (IsFrozen)
        {
            throw new InvalidOperationException("These options belong to a running CqlSession and can no longer change; configure a new CqlSessionOptions instead.");
        }
    }
}
