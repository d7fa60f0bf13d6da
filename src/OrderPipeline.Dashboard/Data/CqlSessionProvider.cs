using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using OrderPipeline.Cql;

namespace OrderPipeline.Dashboard.Data;

/// Connects to Cassandra on first use instead of at start-up, so the dashboard starts (and says
/// "Cassandra is unreachable") while the cluster is down. A failed attempt is not cached: the next call
/// tries again. Once connected, the session itself reconnects to nodes that come back.
public sealed class CqlSessionProvider(CqlSessionOptions options, ILoggerFactory loggerFactory) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private CqlSession? _session;
    private bool _disposed;

    public string Describe => string.Join(",", options.ContactPoints.DefaultIfEmpty("127.0.0.1"));

    public async Task<CqlSession> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_session is { } ready)
        {
            return ready;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_session is null)
            {
                try
                {
                    _session = await CqlSession.ConnectAsync(options, loggerFactory, cancellationToken);
                }
                catch (Exception ex) when (ex is CqlException or SocketException or TimeoutException)
                {
                    throw new StoreUnavailableException($"Cassandra at {Describe} is unreachable: {ex.Message}", ex);
                }
            }

            return _session;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            _disposed = true;
            if (_session is not null)
            {
                await _session.DisposeAsync();
                _session = null;
            }
        }
        finally
        {
            _gate.Release();
        }

        _gate.Dispose();
    }
}
