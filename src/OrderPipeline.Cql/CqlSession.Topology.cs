using System.Net;
using OrderPipeline.Cql.Connections;
using OrderPipeline.Cql.Diagnostics;
using OrderPipeline.Cql.Protocol.Requests;
using OrderPipeline.Cql.Protocol.Responses;
using OrderPipeline.Cql.Routing;

namespace OrderPipeline.Cql;

public sealed partial class CqlSession
{
    private CqlConnection? _control;
    private int _refreshPending;

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        var contactPoints = await ResolveContactPointsAsync(cancellationToken).ConfigureAwait(false);
        var errors = new Dictionary<EndPoint, Exception>();
        ProtocolVersion = (byte)Options.MaxProtocolVersion;
        foreach (var (endPoint, name) in contactPoints)
        {
            try
            {
                _control = await OpenNegotiatingAsync(endPoint, name, cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (CqlAuthenticationException)
            {
                throw;
            }
            catch (Exception ex) when (ex is CqlException or IOException)
            {
                errors[endPoint] = ex;
            }
        }

        if (_control is null)
        {
            throw new CqlNoHostAvailableException(errors);
        }

        foreach (var (endPoint, _) in contactPoints)
        {
            AddHost(endPoint);
        }

        await RegisterAndDiscoverAsync(_control, cancellationToken).ConfigureAwait(false);
        Log.SessionConnected(_logger, ClusterName ?? "?", _control.EndPoint, _hostList.Length, ProtocolVersion);
        _ = WatchControlAsync(_control);
        await WarmUpPoolsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Opens a connection at the session's version; when the node does not speak it (Cassandra 2.1 answers a v4
    /// STARTUP with a protocol error), retries on a new connection one version lower and keeps that version for
    /// the whole cluster.
    /// </summary>
    private async Task<CqlConnection> OpenNegotiatingAsync(IPEndPoint endPoint, string name, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await CqlConnection.OpenAsync(endPoint, ProtocolVersion, CreateConnectionSettings(name), _logger, _time, OnServerEvent, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ProtocolVersion > 3 && IsUnsupportedVersion(ex))
            {
                Log.ProtocolDowngrade(_logger, endPoint, ProtocolVersion, (byte)(ProtocolVersion - 1));
                ProtocolVersion--;
            }
        }
    }

    private static bool IsUnsupportedVersion(Exception error) => error switch
    {
        ProtocolVersionMismatchException => true,
        CqlServerProtocolErrorException protocol => protocol.ServerMessage.Contains("version", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    private async Task<List<(IPEndPoint EndPoint, string Name)>> ResolveContactPointsAsync(CancellationToken cancellationToken)
    {
        var result = new List<(IPEndPoint, string)>();
        foreach (var contactPoint in Options.ContactPoints)
        {
            var (host, port) = Options.ParseContactPoint(contactPoint);
            if (IPAddress.TryParse(host, out var address))
            {
                result.Add((new IPEndPoint(address, port), host));
                continue;
            }

            try
            {
                foreach (var resolved in await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false))
                {
                    result.Add((new IPEndPoint(resolved, port), host));
                }
            }
            catch (System.Net.Sockets.SocketException ex)
            {
                throw new CqlNoHostAvailableException($"The contact point '{host}' does not resolve: {ex.Message}", ex);
            }
        }

        return result;
    }

    private Host AddHost(IPEndPoint endPoint)
    {
        var host = _hosts.GetOrAdd(endPoint, static e => new Host(e));
        if (host.Pool is null)
        {
            lock (host)
            {
                host.Pool ??= new HostPool(host, ct => OpenPoolConnectionAsync(host, ct), OnHostConnectionsClosed, Options.ConnectionsPerNode);
            }

            _hostList = [.. _hosts.Values];
        }

        return host;
    }

    private Task<CqlConnection> OpenPoolConnectionAsync(Host host, CancellationToken cancellationToken) =>
        CqlConnection.OpenAsync(host.EndPoint, ProtocolVersion, CreateConnectionSettings(host.EndPoint.Address.ToString()), _logger, _time, null, cancellationToken);

    private async Task WarmUpPoolsAsync(CancellationToken cancellationToken)
    {
        var tasks = new List<Task>();
        foreach (var host in _hostList)
        {
            if (DcAwareRoundRobinPolicy.IsLocal(host, LocalDatacenter))
            {
                tasks.Add(WarmUpAsync(host, cancellationToken));
            }
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    private async Task WarmUpAsync(Host host, CancellationToken cancellationToken)
    {
        try
        {
            await host.Pool!.WarmUpAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is CqlException or IOException)
        {
            OnHostConnectionsClosed(host, ex);
        }
    }

    private async Task RegisterAndDiscoverAsync(CqlConnection control, CancellationToken cancellationToken)
    {
        var registered = await control.SendAsync(RegisterRequest.All, null, cancellationToken).ConfigureAwait(false);
        if (registered.Opcode == Protocol.Opcode.Error)
        {
            throw ErrorDecoder.Decode(registered, control.EndPoint);
        }

        await RefreshTopologyAsync(control, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<RowSet> QueryControlAsync(CqlConnection control, string cql, CancellationToken cancellationToken)
    {
        var frame = await control.SendAsync(new QueryRequest(cql, new QueryParameters { Consistency = CqlConsistency.One }), null, cancellationToken).ConfigureAwait(false);
        return ResultDecoder.DecodeRows(frame, control.EndPoint, control.ProtocolVersion);
    }

    /// <summary>Reads system.local and system.peers; adds new nodes, records datacenter, rack and tokens.</summary>
    private async Task RefreshTopologyAsync(CqlConnection control, CancellationToken cancellationToken)
    {
        var local = await QueryControlAsync(control, "SELECT * FROM system.local WHERE key='local'", cancellationToken).ConfigureAwait(false);
        string? partitioner = null;
        if (local.Count > 0)
        {
            var row = local[0];
            ClusterName = Text(row, "cluster_name");
            partitioner = Text(row, "partitioner");
            var host = AddHost(control.EndPoint);
            Describe(host, row);
            LocalDatacenter ??= host.Datacenter;
        }

        if (Options.DiscoverPeers)
        {
            await AddPeersAsync(control, cancellationToken).ConfigureAwait(false);
        }

        if (_replicaSourceFactory is not null)
        {
            await RefreshReplicaSourceAsync(control, partitioner, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task AddPeersAsync(CqlConnection control, CancellationToken cancellationToken)
    {
        var peers = await QueryControlAsync(control, "SELECT * FROM system.peers", cancellationToken).ConfigureAwait(false);
        foreach (var row in peers)
        {
            var address = Address(row, "rpc_address") ?? Address(row, "peer");
            if (address is null)
            {
                continue;
            }

            if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
            {
                address = Address(row, "peer") ?? address;
            }

            Describe(AddHost(new IPEndPoint(address, Options.Port)), row);
        }
    }

    private async Task RefreshReplicaSourceAsync(CqlConnection control, string? partitioner, CancellationToken cancellationToken)
    {
        var keyspaces = new List<KeyspaceReplication>();
        try
        {
            var rows = await QueryControlAsync(control, "SELECT keyspace_name, strategy_class, strategy_options FROM system.schema_keyspaces", cancellationToken).ConfigureAwait(false);
            foreach (var row in rows)
            {
                var options = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(row.Get<string>("strategy_options") ?? "{}") ?? [];
                keyspaces.Add(new KeyspaceReplication(row.Get<string>("keyspace_name"), row.Get<string>("strategy_class"), options));
            }
        }
        catch (CqlInvalidQueryException)
        {
            // Cassandra 3.0+ moved keyspaces to system_schema with a replication map.
            var rows = await QueryControlAsync(control, "SELECT keyspace_name, replication FROM system_schema.keyspaces", cancellationToken).ConfigureAwait(false);
            foreach (var row in rows)
            {
                var replication = row.Get<Dictionary<string, string>>("replication");
                replication.Remove("class", out var strategy);
                keyspaces.Add(new KeyspaceReplication(row.Get<string>("keyspace_name"), strategy ?? string.Empty, replication));
            }
        }

        var nodes = _hostList.Select(static h => new TopologyNode(h.EndPoint, h.Datacenter, h.Rack, h.Tokens)).ToArray();
        _replicaSource = _replicaSourceFactory!(new ClusterTopology(partitioner, nodes, keyspaces));
    }

    private static void Describe(Host host, Row row)
    {
        host.Datacenter = Text(row, "data_center") ?? host.Datacenter;
        host.Rack = Text(row, "rack") ?? host.Rack;
        host.ReleaseVersion = Text(row, "release_version") ?? host.ReleaseVersion;
        if (Has(row, "tokens") && row.Get<HashSet<string>?>("tokens") is { } tokens)
        {
            host.Tokens = [.. tokens];
        }
    }

    private static bool Has(Row row, string column)
    {
        foreach (var c in row.Columns)
        {
            if (string.Equals(c.Name, column, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string? Text(Row row, string column) => Has(row, column) ? row.Get<string?>(column) : null;

    private static IPAddress? Address(Row row, string column) => Has(row, column) ? row.Get<IPAddress?>(column) : null;

    private void OnServerEvent(ServerEvent serverEvent)
    {
        Log.ClusterEvent(_logger, serverEvent.ToString());
        switch (serverEvent)
        {
            case StatusChangeEvent { Change: "UP" } up:
                if (FindHost(new IPEndPoint(up.Address.Address, Options.Port)) is { } upHost)
                {
                    ScheduleReconnect(upHost, immediate: true);
                }

                break;
            case StatusChangeEvent { Change: "DOWN" } down:
                if (FindHost(new IPEndPoint(down.Address.Address, Options.Port)) is { } downHost && downHost.Pool?.OpenCount == 0)
                {
                    OnHostConnectionsClosed(downHost, new CqlConnectionException(downHost.EndPoint, $"The cluster reports {downHost.EndPoint} down."));
                }

                break;
            case TopologyChangeEvent or SchemaChangeEvent:
                ScheduleTopologyRefresh();
                break;
        }
    }

    private void ScheduleTopologyRefresh()
    {
        if (Interlocked.Exchange(ref _refreshPending, 1) != 0)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                // Debounce: a schema change usually arrives as a burst of events.
                await Task.Delay(TimeSpan.FromMilliseconds(500), _time, _shutdown.Token).ConfigureAwait(false);
                Volatile.Write(ref _refreshPending, 0);
                if (_control is { IsClosed: false } control)
                {
                    await RefreshTopologyAsync(control, _shutdown.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                // Session disposed.
            }
            catch (CqlException ex)
            {
                Log.TopologyRefreshFailed(_logger, ex);
            }
        });
    }

    /// <summary>All connections of a node failed (or none could open): mark it down and start reconnecting.</summary>
    private void OnHostConnectionsClosed(Host host, Exception reason)
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        if (host.MarkDown())
        {
            Log.HostDown(_logger, host.EndPoint, reason.Message);
        }

        ScheduleReconnect(host, immediate: false);
    }

    private readonly HashSet<Host> _reconnecting = [];

    private void ScheduleReconnect(Host host, bool immediate)
    {
        lock (_reconnecting)
        {
            if (!_reconnecting.Add(host))
            {
                // A loop already runs, maybe deep in its backoff; an UP event from the cluster cuts that wait short.
                if (immediate)
                {
                    host.WakeReconnect();
                }

                return;
            }
        }

        _ = Task.Run(() => ReconnectLoopAsync(host, immediate));
    }

    private async Task ReconnectLoopAsync(Host host, bool immediate)
    {
        try
        {
            for (var attempt = 0; !_shutdown.IsCancellationRequested; attempt++)
            {
                var delay = immediate && attempt == 0 ? TimeSpan.FromMilliseconds(200) : _backoff.Delay(attempt);
                Log.ReconnectScheduled(_logger, host.EndPoint, delay.TotalMilliseconds);
                var wake = host.ReconnectWake;
                if (await Task.WhenAny(Task.Delay(delay, _time, _shutdown.Token), wake).ConfigureAwait(false) == wake)
                {
                    // The cluster reported the node up: try now, and back off from the start again if it is not
                    // serving clients yet (Cassandra announces UP through gossip before its native port listens).
                    host.ResetReconnectWake();
                    attempt = 0;
                }

                _shutdown.Token.ThrowIfCancellationRequested();
                try
                {
                    await host.Pool!.WarmUpAsync(_shutdown.Token).ConfigureAwait(false);
                    await ReprepareAllAsync(host, _shutdown.Token).ConfigureAwait(false);
                    if (host.MarkUp())
                    {
                        Log.HostUp(_logger, host.EndPoint);
                    }

                    return;
                }
                catch (Exception ex) when (ex is CqlException or IOException)
                {
                    host.MarkDown();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Session disposed.
        }
        catch (ObjectDisposedException)
        {
            // Session disposed.
        }
        finally
        {
            lock (_reconnecting)
            {
                _reconnecting.Remove(host);
            }
        }
    }

    /// <summary>Keeps an event/metadata connection: when it dies, opens a new one on any up node.</summary>
    private async Task WatchControlAsync(CqlConnection control)
    {
        var reason = await control.Closed.ConfigureAwait(false);
        if (_shutdown.IsCancellationRequested)
        {
            return;
        }

        Log.ControlConnectionLost(_logger, reason);
        await control.DisposeAsync().ConfigureAwait(false);
        for (var attempt = 0; !_shutdown.IsCancellationRequested; attempt++)
        {
            foreach (var host in _hostList.Where(static h => h.IsUp).Concat(_hostList.Where(static h => !h.IsUp)))
            {
                try
                {
                    var next = await CqlConnection.OpenAsync(host.EndPoint, ProtocolVersion, CreateConnectionSettings(host.EndPoint.Address.ToString()), _logger, _time, OnServerEvent, _shutdown.Token).ConfigureAwait(false);
                    _control = next;
                    await RegisterAndDiscoverAsync(next, _shutdown.Token).ConfigureAwait(false);
                    _ = WatchControlAsync(next);
                    return;
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (Exception ex) when (ex is CqlException or IOException)
                {
                    Log.ControlConnectionLost(_logger, ex);
                }
            }

            try
            {
                await Task.Delay(_backoff.Delay(attempt), _time, _shutdown.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
