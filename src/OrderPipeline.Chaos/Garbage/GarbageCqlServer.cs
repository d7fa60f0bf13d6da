using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace OrderPipeline.Chaos.Garbage;

/// A fake CQL server on a loopback port that answers the client's first request on each connection with
/// garbage of one <see cref="GarbageMode"/>. It reads the 9-byte request header only to learn the protocol
/// version and stream id, so the garbage is exactly what a real response would look like where it matters.
/// (The test suite has a full fake server in TestSupport; the product cannot depend on a test project.)
public sealed class GarbageCqlServer : IAsyncDisposable
{
    private const int HeaderSize = 9;
    private const byte ReadyOpcode = 0x02;
    private readonly TcpListener _listener;
    private readonly GarbageMode _mode;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _clients = [];
    private readonly Lock _gate = new();
    private readonly Task _acceptLoop;
    private int _connections;

    public GarbageCqlServer(GarbageMode mode, IPAddress address)
    {
        _mode = mode;
        _listener = new TcpListener(address, 0);
        _listener.Start();
        _acceptLoop = AcceptLoopAsync();
    }

    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndpoint;

    /// Connections the client opened (it may retry with another protocol version or reconnect).
    public int Connections => Volatile.Read(ref _connections);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        lock (_gate)
        {
            foreach (var client in _clients)
            {
                client.Dispose();
            }
        }

        try
        {
            await _acceptLoop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping: the pending accept fails.
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            Interlocked.Increment(ref _connections);
            lock (_gate)
            {
                _clients.Add(client);
            }

            _ = ServeAsync(client, _stop.Token);
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken cancellationToken)
    {
        try
        {
            var stream = client.GetStream();
            if (_mode == GarbageMode.CloseAtOnce)
            {
                client.Client.Shutdown(SocketShutdown.Both);
                client.Close();
                return;
            }

            var header = new byte[HeaderSize];
            await stream.ReadExactlyAsync(header, cancellationToken);
            var version = (byte)(0x80 | (header[0] & 0x7F));
            var streamId = BinaryPrimitives.ReadInt16BigEndian(header.AsSpan(2));
            await stream.WriteAsync(Reply(version, streamId), cancellationToken);
            await stream.FlushAsync(cancellationToken);
            if (_mode is GarbageMode.TruncatedThenClose or GarbageMode.RandomBytes)
            {
                client.Client.Shutdown(SocketShutdown.Both);
                client.Close();
                return;
            }

            // Keep the connection open and silent (draining whatever the client still sends) until disposed.
            var sink = new byte[4096];
            while (await stream.ReadAsync(sink, cancellationToken) > 0)
            {
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException or EndOfStreamException)
        {
            // The client gave up on the connection: that is the point.
        }
    }

    private byte[] Reply(byte version, short streamId)
    {
        switch (_mode)
        {
            case GarbageMode.RandomBytes:
                var random = new byte[4096];
                new Random(10).NextBytes(random);
                random[0] = 0x47; // 'G': neither a request nor a response version
                return random;
            case GarbageMode.TruncatedThenClose:
            case GarbageMode.TruncatedThenStall:
                return [.. Header(version, streamId, ReadyOpcode, 100), .. new byte[10]];
            case GarbageMode.WrongStreamId:
                return Header(version, (short)(streamId + 7), ReadyOpcode, 0);
            case GarbageMode.HugeLengthOverLimit:
                return Header(version, streamId, ReadyOpcode, int.MaxValue);
            case GarbageMode.HugeLengthThenStall:
                return [.. Header(version, streamId, ReadyOpcode, 250 * 1024 * 1024), .. new byte[64 * 1024]];
            case GarbageMode.NegativeLength:
                return Header(version, streamId, ReadyOpcode, -1);
            default:
                throw new InvalidOperationException($"No reply for {_mode}.");
        }
    }

    private static byte[] Header(byte version, short streamId, byte opcode, int length)
    {
        var header = new byte[HeaderSize];
        header[0] = version;
        BinaryPrimitives.WriteInt16BigEndian(header.AsSpan(2), streamId);
        header[4] = opcode;
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(5), length);
        return header;
    }
}
