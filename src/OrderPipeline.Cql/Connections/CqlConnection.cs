using System.IO.Pipelines;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using OrderPipeline.Cql.Diagnostics;
using OrderPipeline.Cql.Protocol;
using OrderPipeline.Cql.Protocol.Requests;
using OrderPipeline.Cql.Protocol.Responses;

namespace OrderPipeline.Cql.Connections;

/// <summary>
/// One socket to one node, multiplexing many requests by stream id: one read loop, one single-writer queue that
/// coalesces frames into one flush, a cap on requests in flight (callers wait asynchronously), and a periodic
/// sweep for timeouts and heartbeats driven by the injected <see cref="TimeProvider"/>. When the socket dies or
/// the connection is disposed, every pending request fails with its own exception.
/// </summary>
internal sealed partial class CqlConnection : IAsyncDisposable
{
    private readonly ConnectionSettings _settings;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Action<ServerEvent>? _onEvent;
    private readonly SemaphoreSlim _slots;
    private readonly StreamIdPool _streamIds;
    private readonly PendingRequest?[] _pending;
    private readonly Channel<PendingRequest> _writeQueue;
    private readonly TaskCompletionSource<Exception> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _shutdown = new();

    // Set when Close has run to its end: DisposeAsync waits for it, so a second closer (the pool's watcher,
    // woken by Closed) never disposes _shutdown while the first is still about to cancel it.
    private readonly TaskCompletionSource _closeFinished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _disposed;
    private Socket? _socket;
    private Stream? _stream;
    private PipeReader? _reader;
    private PipeWriter? _writer;
    private ITimer? _sweepTimer;
    private Task _readLoop = Task.CompletedTask;
    private Task _writeLoop = Task.CompletedTask;
    private int _closing;
    private int _inFlight;
    private long _lastReadTimestamp;
    private volatile bool _compressIncoming;
    private volatile bool _compressOutgoing;

    public CqlConnection(IPEndPoint endPoint, byte protocolVersion, ConnectionSettings settings, ILogger logger, TimeProvider time, Action<ServerEvent>? onEvent = null)
    {
        EndPoint = endPoint;
        ProtocolVersion = protocolVersion;
        _settings = settings;
        _logger = logger;
        _time = time;
        _onEvent = onEvent;
        var size = Math.Clamp(settings.MaxRequestsPerConnection, 1, 32768);
        _slots = new SemaphoreSlim(size, int.MaxValue);
        _streamIds = new StreamIdPool(size);
        _pending = new PendingRequest?[size];
        _writeQueue = Channel.CreateUnbounded<PendingRequest>(new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });
        _lastReadTimestamp = time.GetTimestamp();
    }

    public IPEndPoint EndPoint { get; }

    public byte ProtocolVersion { get; }

    /// <summary>Requests written or queued and not yet answered (abandoned ones included).</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    public bool IsClosed => Volatile.Read(ref _closing) != 0;

    /// <summary>Completes with the reason when the connection closes.</summary>
    public Task<Exception> Closed => _closed.Task;

    /// <summary>The keyspace last set on this connection with USE.</summary>
    public string? Keyspace { get; set; }

    /// <summary>Whether LZ4 was negotiated.</summary>
    public bool IsCompressed => _compressOutgoing;

    /// <summary>Opens the socket (and TLS), starts the loops, then runs the STARTUP/auth handshake.</summary>
    public static async Task<CqlConnection> OpenAsync(IPEndPoint endPoint, byte protocolVersion, ConnectionSettings settings, ILogger logger, TimeProvider time, Action<ServerEvent>? onEvent, CancellationToken cancellationToken)
    {
        var connection = new CqlConnection(endPoint, protocolVersion, settings, logger, time, onEvent);
        try
        {
            await connection.ConnectSocketAsync(cancellationToken).ConfigureAwait(false);
            await connection.HandshakeAsync(cancellationToken).ConfigureAwait(false);
            Log.ConnectionOpened(logger, endPoint, protocolVersion, connection.IsCompressed);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Sends a request and returns its response frame (ERROR frames included; callers decode).</summary>
    /// <exception cref="CqlConnectionException">The connection is closed or closes before the answer.</exception>
    /// <exception cref="CqlClientTimeoutException">No answer within the timeout.</exception>
    /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
    public Task<Frame> SendAsync(IRequest request, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<Frame>(cancellationToken);
        }

        try
        {
            ThrowIfClosed();
            var slot = _slots.WaitAsync(cancellationToken);
            if (!slot.IsCompletedSuccessfully)
            {
                return SendAfterSlotAsync(slot, request, timeout, cancellationToken);
            }

            // The common case, a free slot: no state machine, the caller awaits the request's own task.
            return Send(request, timeout, cancellationToken);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Task.FromException<Frame>(ex);
        }
    }

    private async Task<Frame> SendAfterSlotAsync(Task slot, IRequest request, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        await slot.ConfigureAwait(false);
        return await Send(request, timeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Queues the request once a slot is held; the returned task is the request's completion.</summary>
    private Task<Frame> Send(IRequest request, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        PendingRequest pending;
        try
        {
            ThrowIfClosed();
            pending = Enqueue(request, timeout ?? _settings.RequestTimeout);
        }
        catch
        {
            _slots.Release();
            throw;
        }

        if (cancellationToken.CanBeCanceled)
        {
            // Unregistered by whoever completes the request (PendingRequest.Complete), not by an await here, so
            // a cancellable call costs no extra continuation.
            pending.AttachCancellation(cancellationToken.UnsafeRegister(
                static (state, token) =>
                {
                    var request = (PendingRequest)state!;
                    if (request.Completion.TrySetCanceled(token))
                    {
                        // Never written: the writer skips it and frees the slot; written: freed when the answer comes.
                        request.MarkAbandoned();
                    }
                },
                pending));
        }

        return pending.Completion.Task;
    }

    private PendingRequest Enqueue(IRequest request, TimeSpan timeout)
    {
        if (!_streamIds.TryRent(out var stream))
        {
            throw new InvalidOperationException("No free stream id although a request slot was granted.");
        }

        FrameBuffer frame;
        try
        {
            frame = SerializeFrame(request, stream);
        }
        catch
        {
            _streamIds.Return(stream);
            throw;
        }

        var pending = new PendingRequest(stream, frame, _time.GetTimestamp(), timeout);
        Volatile.Write(ref _pending[stream], pending);
        Interlocked.Increment(ref _inFlight);
        CqlMetrics.InFlight.Add(1);
        if (!_writeQueue.Writer.TryWrite(pending))
        {
            // Closed between the check and the write: fail it here, as Close() may already have swept.
            pending.Frame = null;
            frame.Return();
            FailPending(pending, CreateClosedException());
        }

        return pending;
    }

    private FrameBuffer SerializeFrame(IRequest request, short stream)
    {
        var frame = FrameBuffer.Rent();
        try
        {
            FrameCodec.BeginFrame(frame, ProtocolVersion, FrameFlags.None, stream, request.Opcode);
            request.WriteBody(frame, ProtocolVersion);
            FrameCodec.EndFrame(frame);
        }
        catch
        {
            frame.Return();
            throw;
        }

        if (!_compressOutgoing || frame.WrittenCount - FrameHeader.Size < Lz4Compressor.MinimumLength)
        {
            return frame;
        }

        var compressed = FrameBuffer.Rent();
        try
        {
            FrameCodec.BeginFrame(compressed, ProtocolVersion, FrameFlags.Compression, stream, request.Opcode);
            Lz4Compressor.Compress(frame.WrittenSpan[FrameHeader.Size..], compressed);
            FrameCodec.EndFrame(compressed);
            return compressed;
        }
        catch
        {
            compressed.Return();
            throw;
        }
        finally
        {
            frame.Return();
        }
    }

    private void ReleaseSlot(PendingRequest pending)
    {
        if (Interlocked.CompareExchange(ref _pending[pending.Stream], null, pending) != pending)
        {
            return;
        }

        _streamIds.Return(pending.Stream);
        Interlocked.Decrement(ref _inFlight);
        CqlMetrics.InFlight.Add(-1);
        _slots.Release();
    }

    private void FailPending(PendingRequest pending, Exception error)
    {
        pending.TrySetException(error);
        ReleaseSlot(pending);
    }

    private void ThrowIfClosed()
    {
        if (IsClosed)
        {
            var closed = CreateClosedException();
            throw closed is CqlProtocolException
                ? new CqlProtocolException(EndPoint, closed.Message, closed.InnerException) { RequestNotSent = true }
                : new CqlConnectionException(EndPoint, closed.Message, closed.InnerException) { RequestNotSent = true };
        }
    }

    private CqlConnectionException CreateClosedException()
    {
        var reason = _closed.Task.IsCompleted ? _closed.Task.Result : null;
        var message = $"The connection to {EndPoint} is closed{(reason is null ? "." : $": {reason.Message}")}";
        return reason is CqlProtocolException
            ? new CqlProtocolException(EndPoint, message, reason)
            : new CqlConnectionException(EndPoint, message, reason);
    }

    private async Task ConnectSocketAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_settings.ConnectTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var socket = new Socket(EndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        _socket = socket;
        try
        {
            await socket.ConnectAsync(EndPoint, linked.Token).ConfigureAwait(false);
            Stream stream = new NetworkStream(socket, ownsSocket: true);
            if (_settings.Tls is { } tls)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = ssl;
                await ssl.AuthenticateAsClientAsync(tls, linked.Token).ConfigureAwait(false);
            }

            _stream = stream;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new CqlConnectionException(EndPoint, $"Could not connect to {EndPoint} within {_settings.ConnectTimeout.TotalMilliseconds:0} ms. Check that the node is up and the address and port are right.");
        }
        catch (System.Security.Authentication.AuthenticationException ex)
        {
            throw new CqlConnectionException(EndPoint,
                $"The TLS handshake with {EndPoint} failed: {ex.Message} Check Cql:Tls (TargetHost must match a name in the node's "
                + "certificate; CertificateAuthorityFile must hold its issuer or the certificate itself).", ex);
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            throw new CqlConnectionException(EndPoint, $"Could not connect to {EndPoint}: {ex.Message}", ex);
        }

        _reader = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 16 * 1024));
        _writer = PipeWriter.Create(_stream, new StreamPipeWriterOptions(minimumBufferSize: 64 * 1024));
        _readLoop = Task.Run(ReadLoopAsync, CancellationToken.None);
        _writeLoop = Task.Run(WriteLoopAsync, CancellationToken.None);
        var period = SweepPeriod();
        _sweepTimer = _time.CreateTimer(static state => ((CqlConnection)state!).Sweep(), this, period, period);
    }

    private TimeSpan SweepPeriod()
    {
        var period = TimeSpan.FromTicks(Math.Min(_settings.RequestTimeout.Ticks, _settings.HeartbeatInterval.Ticks) / 4);
        return period < TimeSpan.FromMilliseconds(10) ? TimeSpan.FromMilliseconds(10) : period;
    }

    /// <summary>Closes the connection once; every pending request fails with its own exception.</summary>
    public void Close(Exception reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
        {
            return;
        }

        try
        {
            CloseOnce(reason);
        }
        finally
        {
            _closeFinished.TrySetResult();
        }
    }

    private void CloseOnce(Exception reason)
    {
        _closed.TrySetResult(reason);
        Log.ConnectionClosed(_logger, EndPoint, reason.Message, reason as CqlProtocolException);
        _writeQueue.Writer.TryComplete();
        _sweepTimer?.Dispose();
        _shutdown.Cancel();
        try
        {
            _socket?.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // The socket is already gone; nothing more to shut down.
        }

        _stream?.Dispose();
        for (var i = 0; i < _pending.Length; i++)
        {
            if (Volatile.Read(ref _pending[i]) is { } pending)
            {
                FailPending(pending, CreateClosedException());
            }
        }

        // Wake callers waiting for a slot: they see the closed flag and throw.
        _slots.Release(_pending.Length + 1024);
    }

    public async ValueTask DisposeAsync()
    {
        Close(new ObjectDisposedException(nameof(CqlConnection), $"The connection to {EndPoint} was disposed."));
        await _closeFinished.Task.ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_readLoop, _writeLoop).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or SocketException)
        {
            // The loops report their failures through Close(); nothing more to do here.
        }

        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _shutdown.Dispose();
        }
    }
}
