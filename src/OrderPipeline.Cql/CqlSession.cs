using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OrderPipeline.Cql.Connections;
using OrderPipeline.Cql.Routing;
using OrderPipeline.Cql.Statements;

namespace OrderPipeline.Cql;

/// <summary>
/// A connection to a Cassandra cluster: discovers the nodes, keeps a connection pool per node, routes, retries
/// and pages statements. Create one per application with <see cref="ConnectAsync(CqlSessionOptions, ILoggerFactory?, CancellationToken)"/>.
/// </summary>
/// <remarks>
/// Thread-safe: share one instance and call it concurrently. Dispose it once at shutdown (disposing again is a
/// no-op); requests still pending then fail with <see cref="CqlConnectionException"/>.
/// </remarks>
public sealed partial class CqlSession : IAsyncDisposable
{
    private readonly ConcurrentDictionary<IPEndPoint, Host> _hosts = new();
    private readonly ConcurrentDictionary<string, Task<PreparedStatement>> _prepared = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _shutdown = new();
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly TimestampGenerator _timestamps;
    private readonly ReconnectionBackoff _backoff;
    private readonly TokenAwarePolicy _loadBalancing;
    private readonly DefaultRetryPolicy _retry = DefaultRetryPolicy.Instance;
    private readonly ReplicaSourceFactory? _replicaSourceFactory;
    private volatile Host[] _hostList = [];
    private volatile IReplicaSource? _replicaSource;
    private volatile string? _keyspace;
    private int _disposed;

    private CqlSession(CqlSessionOptions options, ILoggerFactory loggerFactory, TimeProvider time, ReplicaSourceFactory? replicaSourceFactory)
    {
        Options = options;
        _logger = loggerFactory.CreateLogger("OrderPipeline.Cql");
        _time = time;
        _timestamps = new TimestampGenerator(time);
        _backoff = new ReconnectionBackoff(options.ReconnectBaseDelay, options.ReconnectMaxDelay);
        _keyspace = options.Keyspace;
        _replicaSourceFactory = replicaSourceFactory;
        LocalDatacenter = options.LocalDatacenter;
        var roundRobin = new DcAwareRoundRobinPolicy(() => _hostList, () => LocalDatacenter);
        _loadBalancing = new TokenAwarePolicy(roundRobin, () => _replicaSource, () => LocalDatacenter, FindHost);
    }

    /// <summary>The frozen options the session runs with.</summary>
    public CqlSessionOptions Options { get; }

    /// <summary>The negotiated native protocol version (3 or 4).</summary>
    public byte ProtocolVersion { get; private set; }

    /// <summary>The name of the cluster (system.local cluster_name).</summary>
    public string? ClusterName { get; private set; }

    /// <summary>The datacenter requests go to.</summary>
    public string? LocalDatacenter { get; private set; }

    /// <summary>The current keyspace (from the options or the last USE statement).</summary>
    public string? Keyspace => _keyspace;

    /// <summary>A snapshot of the known nodes.</summary>
    public IReadOnlyList<CqlNodeInfo> Nodes => _hostList
        .Select(static h => new CqlNodeInfo(h.EndPoint, h.Datacenter, h.Rack, h.ReleaseVersion, h.IsUp, h.Pool?.OpenCount ?? 0) { RequestsSent = h.RequestsSent })
        .ToArray();

    /// <summary>
    /// Connects to the cluster: reaches a contact point (negotiating the protocol version down from
    /// <see cref="CqlSessionOptions.MaxProtocolVersion"/> when the node is older), discovers the other nodes
    /// and opens connections to the local datacenter.
    /// </summary>
    /// <param name="options">Settings; validated, then copied and frozen.</param>
    /// <param name="loggerFactory">Where logs go; none when null.</param>
    /// <param name="cancellationToken">Cancels connecting.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="CqlNoHostAvailableException">No contact point could be reached; <see cref="CqlNoHostAvailableException.Errors"/> says why for each.</exception>
    /// <exception cref="CqlAuthenticationException">The credentials were rejected.</exception>
    public static Task<CqlSession> ConnectAsync(CqlSessionOptions options, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default) =>
        ConnectAsync(options, loggerFactory, TimeProvider.System, TokenMapReplicaSource.Create, cancellationToken);

    /// <summary>Connects with an injected clock and replica source (tests inject both; the public overload routes with the token map).</summary>
    internal static async Task<CqlSession> ConnectAsync(CqlSessionOptions options, ILoggerFactory? loggerFactory, TimeProvider time, ReplicaSourceFactory? replicaSourceFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var frozen = options.FreezeCopy();
        var session = new CqlSession(frozen, loggerFactory ?? NullLoggerFactory.Instance, time ?? TimeProvider.System, replicaSourceFactory);
        try
        {
            await session.StartAsync(cancellationToken).ConfigureAwait(false);
            return session;
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Closes every connection; pending requests fail. Safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _shutdown.CancelAsync().ConfigureAwait(false);
        if (_control is { } control)
        {
            await control.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var host in _hostList)
        {
            if (host.Pool is { } pool)
            {
                await pool.DisposeAsync().ConfigureAwait(false);
            }
        }

        _shutdown.Dispose();
    }

    private Host? FindHost(IPEndPoint endPoint) => _hosts.TryGetValue(endPoint, out var host) ? host : null;

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

    private ConnectionSettings CreateConnectionSettings(string hostName) => new()
    {
        ConnectTimeout = Options.ConnectTimeout,
        RequestTimeout = Options.RequestTimeout,
        HeartbeatInterval = Options.HeartbeatInterval,
        MaxRequestsPerConnection = Options.MaxRequestsPerConnection,
        Compression = Options.Compression,
        Username = Options.Username,
        Password = Options.Password,
        Keyspace = _keyspace,
        Tls = Options.Tls.ToSslOptions(hostName),
    };
}
