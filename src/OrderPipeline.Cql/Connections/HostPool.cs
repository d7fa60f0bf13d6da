namespace OrderPipeline.Cql.Connections;

/// <summary>
/// The connections to one node (up to the configured count), opened lazily and replaced when they die. Requests
/// go to the open connection with the fewest requests in flight.
/// </summary>
internal sealed class HostPool(Host host, Func<CancellationToken, Task<CqlConnection>> open, Action<Host, Exception> onAllClosed, int size) : IAsyncDisposable
{
    private readonly CqlConnection?[] _connections = new CqlConnection?[size];
    private readonly SemaphoreSlim _opening = new(1, 1);
    private volatile bool _disposed;

    public Host Host { get; } = host;

    public int OpenCount
    {
        get
        {
            var count = 0;
            foreach (var connection in _connections)
            {
                count += connection is { IsClosed: false } ? 1 : 0;
            }

            return count;
        }
    }

    /// <summary>The least busy open connection; opens one when none is open or all are busy and room is left.</summary>
    /// <exception cref="CqlConnectionException">No connection could be opened.</exception>
    public ValueTask<CqlConnection> AcquireAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        CqlConnection? best = null;
        var free = false;
        foreach (var connection in _connections)
        {
            if (connection is null || connection.IsClosed)
            {
                free = true;
                continue;
            }

            if (best is null || connection.InFlight < best.InFlight)
            {
                best = connection;
            }
        }

        // Grow the pool only when the best connection is already busy: one connection carries a lot.
        if (best is not null && (!free || best.InFlight < 128))
        {
            return ValueTask.FromResult(best);
        }

        return new ValueTask<CqlConnection>(OpenAsync(best, cancellationToken));
    }

    private async Task<CqlConnection> OpenAsync(CqlConnection? fallback, CancellationToken cancellationToken)
    {
        await _opening.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var slot = Array.FindIndex(_connections, static c => c is null || c.IsClosed);
            if (slot < 0)
            {
                return fallback ?? _connections.First(static c => c is { IsClosed: false })!;
            }

            try
            {
                var connection = await open(cancellationToken).ConfigureAwait(false);
                _connections[slot] = connection;
                _ = WatchAsync(connection);
                return connection;
            }
            catch (Exception) when (fallback is { IsClosed: false })
            {
                return fallback;
            }
        }
        finally
        {
            _opening.Release();
        }
    }

    /// <summary>Opens the first connection eagerly (used by reconnection to test that the node is back).</summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        if (OpenCount == 0)
        {
            await OpenAsync(null, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WatchAsync(CqlConnection connection)
    {
        var reason = await connection.Closed.ConfigureAwait(false);
        await connection.DisposeAsync().ConfigureAwait(false);
        if (!_disposed && OpenCount == 0)
        {
            onAllClosed(Host, reason);
        }
    }

    /// <summary>Closes every connection (their pending requests fail) without disposing the pool.</summary>
    public void CloseAll(Exception reason)
    {
        foreach (var connection in _connections)
        {
            connection?.Close(reason);
        }
    }

    public IEnumerable<CqlConnection> OpenConnections => _connections.Where(static c => c is { IsClosed: false })!;

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        foreach (var connection in _connections)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }

        _opening.Dispose();
    }
}
