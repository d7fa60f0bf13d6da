using System.Net;
using System.Net.Sockets;

namespace OrderPipeline.Chaos.Network;

/// <summary>
/// A loopback TCP forwarder that can freeze traffic in both directions and resume it, to simulate a network
/// stall between a client and a server (scenario 7: consumer to Cassandra). While frozen, every pump stops
/// reading after at most one buffer and holds that buffer until <see cref="Resume"/>, so the kernel's socket
/// buffers and TCP flow control hold the rest: nothing is dropped or reordered, the bytes just arrive late.
/// Connections accepted during a freeze are opened to the target but carry no bytes until the resume, as on a
/// link that stopped passing packets. Thread-safe.
/// </summary>
public sealed class TcpStallProxy : IAsyncDisposable
{
    private const int BufferSize = 64 * 1024;

    private readonly IPEndPoint _target;
    private readonly Socket _listener;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly Lock _gateLock = new();
    private readonly List<Task> _connections = [];
    private TaskCompletionSource? _frozen;
    private Task? _acceptLoop;
    private long _bytesForwarded;
    private int _openConnections;
    private int _disposed;

    /// <param name="listen">Where to listen; port 0 picks a free port (see <see cref="LocalEndPoint"/>).</param>
    /// <param name="target">Where every accepted connection is forwarded.</param>
    public TcpStallProxy(IPEndPoint listen, IPEndPoint target)
    {
        ArgumentNullException.ThrowIfNull(listen);
        ArgumentNullException.ThrowIfNull(target);
        _target = target;
        _listener = new Socket(listen.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(listen);
        _listener.Listen(128);
        LocalEndPoint = (IPEndPoint)_listener.LocalEndPoint!;
    }

    /// <summary>The address clients connect to.</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Whether traffic is currently frozen.</summary>
    public bool IsFrozen
    {
        get
        {
            lock (_gateLock)
            {
                return _frozen is not null;
            }
        }
    }

    /// <summary>Bytes delivered so far, both directions together.</summary>
    public long BytesForwarded => Interlocked.Read(ref _bytesForwarded);

    /// <summary>Client connections currently open through the proxy.</summary>
    public int OpenConnections => Volatile.Read(ref _openConnections);

    /// <summary>Starts accepting connections (idempotent).</summary>
    public void Start()
    {
        lock (_gateLock)
        {
            _acceptLoop ??= Task.Run(AcceptLoopAsync);
        }
    }

    /// <summary>Stops passing bytes in both directions until <see cref="Resume"/> (idempotent).</summary>
    public void Freeze()
    {
        lock (_gateLock)
        {
            _frozen ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Passes bytes again, held ones first, in their original order (idempotent).</summary>
    public void Resume()
    {
        TaskCompletionSource? frozen;
        lock (_gateLock)
        {
            frozen = _frozen;
            _frozen = null;
        }

        frozen?.TrySetResult();
    }

    /// <summary>Freezes traffic for <paramref name="duration"/>, then resumes it (also when cancelled).</summary>
    public async Task StallAsync(TimeSpan duration, CancellationToken cancellationToken = default)
    {
        Freeze();
        try
        {
            await Task.Delay(duration, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Resume();
        }
    }

    private Task Gate()
    {
        lock (_gateLock)
        {
            return _frozen?.Task ?? Task.CompletedTask;
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_shutdown.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_shutdown.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            var connection = ForwardAsync(client);
            lock (_connections)
            {
                _connections.RemoveAll(static t => t.IsCompleted);
                _connections.Add(connection);
            }
        }
    }

    private async Task ForwardAsync(Socket client)
    {
        Interlocked.Increment(ref _openConnections);
        using var server = new Socket(_target.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            client.NoDelay = true;
            server.NoDelay = true;
            await server.ConnectAsync(_target, _shutdown.Token).ConfigureAwait(false);

            // One broken direction ends both: the peer of a reset connection must see it closed too.
            using var broken = CancellationTokenSource.CreateLinkedTokenSource(_shutdown.Token);
            var up = PumpAsync(client, server, broken);
            var down = PumpAsync(server, client, broken);
            await Task.WhenAll(up, down).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The target refused, or the proxy shuts down: closing the client tells it so.
        }
        finally
        {
            client.Dispose();
            Interlocked.Decrement(ref _openConnections);
        }
    }

    private async Task PumpAsync(Socket from, Socket to, CancellationTokenSource broken)
    {
        var buffer = new byte[BufferSize];
        try
        {
            while (true)
            {
                await Gate().WaitAsync(broken.Token).ConfigureAwait(false);
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, broken.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    // Orderly end of this direction: pass the half-close on, keep the other direction running.
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }

                // A buffer read just before a freeze waits here, so the freeze holds it rather than sends it.
                await Gate().WaitAsync(broken.Token).ConfigureAwait(false);
                var sent = 0;
                while (sent < read)
                {
                    sent += await to.SendAsync(buffer.AsMemory(sent, read - sent), SocketFlags.None, broken.Token).ConfigureAwait(false);
                }

                Interlocked.Add(ref _bytesForwarded, read);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            await broken.CancelAsync().ConfigureAwait(false);
            from.Close(0);
            to.Close(0);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _shutdown.CancelAsync().ConfigureAwait(false);
        Resume();
        _listener.Dispose();
        Task[] pending;
        lock (_connections)
        {
            pending = [.. _connections];
        }

        await Task.WhenAll(pending.Append(_acceptLoop ?? Task.CompletedTask)).ConfigureAwait(false);
        _shutdown.Dispose();
    }
}
