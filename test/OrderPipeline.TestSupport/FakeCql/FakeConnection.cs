using System.IO.Pipelines;
using System.Buffers;
using System.Net.Sockets;
using OrderPipeline.Cql.Protocol;

namespace OrderPipeline.TestSupport.FakeCql;

/// <summary>One accepted client connection: reads request frames with the production frame codec, answers them.</summary>
public sealed class FakeConnection
{
    private readonly FakeCqlServer _server;
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    internal FakeConnection(FakeCqlServer server, Socket socket, CancellationToken stop)
    {
        _server = server;
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _ = ReadLoopAsync(stop);
    }

    public bool IsClosed { get; private set; }

    public void Abort()
    {
        IsClosed = true;
        try
        {
            _socket.LingerState = new LingerOption(true, 0);
            _socket.Close();
        }
        catch (ObjectDisposedException)
        {
            // Already closed.
        }
    }

    /// <summary>Sends bytes as they are (for malformed-frame tests).</summary>
    public async Task SendRawAsync(byte[] bytes)
    {
        await _writeLock.WaitAsync();
        try
        {
            await _stream.WriteAsync(bytes);
            await _stream.FlushAsync();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Pushes an event frame (stream -1).</summary>
    public Task PushAsync(FakeResponse response, byte version) => SendAsync(response, -1, version);

    private async Task ReadLoopAsync(CancellationToken stop)
    {
        var reader = PipeReader.Create(_stream);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var result = await reader.ReadAsync(stop);
                var buffer = result.Buffer;
                while (FrameCodec.TryReadFrame(ref buffer, FrameHeader.MaxBodyLength, out var header, out var body))
                {
                    var request = new FakeRequest(header, FrameCodec.MaterializeBody(header, body, compressionNegotiated: true), this);
                    var response = _server.Answer(request);
                    if (response is not null)
                    {
                        _ = RespondAsync(request, response);
                    }
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException or OrderPipeline.Cql.CqlException)
        {
            // Client went away or sent garbage; the fake just stops.
        }
        finally
        {
            IsClosed = true;
        }
    }

    private async Task RespondAsync(FakeRequest request, FakeResponse response)
    {
        try
        {
            if (response.Delay == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            if (response.Delay > TimeSpan.Zero)
            {
                await Task.Delay(response.Delay);
            }

            if (response.CloseConnection)
            {
                Abort();
                return;
            }

            if (response.Raw is { } raw)
            {
                await SendRawAsync(raw);
                return;
            }

            await SendAsync(response, request.Stream, response.Version ?? request.Version);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            // Client gone.
        }
    }

    private async Task SendAsync(FakeResponse response, short stream, byte version)
    {
        var frame = FrameBuffer.Rent();
        try
        {
            FrameCodec.BeginFrame(frame, (byte)(version | FrameHeader.ResponseBit), FrameFlags.None, stream, response.Kind);
            frame.Write(response.Body);
            FrameCodec.EndFrame(frame);
            var bytes = frame.WrittenMemory.ToArray();
            await _writeLock.WaitAsync();
            try
            {
                await _stream.WriteAsync(bytes);
            }
            finally
            {
                _writeLock.Release();
            }
        }
        finally
        {
            frame.Return();
        }
    }
}
