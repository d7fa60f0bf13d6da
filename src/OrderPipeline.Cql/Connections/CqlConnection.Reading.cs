using System.Buffers;
using OrderPipeline.Cql.Diagnostics;
using OrderPipeline.Cql.Protocol;
using OrderPipeline.Cql.Protocol.Responses;

namespace OrderPipeline.Cql.Connections;

internal sealed partial class CqlConnection
{
    /// <summary>
    /// The one reader: cuts frames off the pipe, rejects impossible headers before buffering their body, and
    /// completes the pending request of each stream id. Any failure closes the connection.
    /// </summary>
    private async Task ReadLoopAsync()
    {
        var reader = _reader!;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(_shutdown.Token).ConfigureAwait(false);
                var buffer = result.Buffer;
                try
                {
                    while (FrameCodec.TryReadFrame(ref buffer, _settings.MaxFrameBodyLength, out var header, out var body))
                    {
                        Volatile.Write(ref _lastReadTimestamp, _time.GetTimestamp());
                        Dispatch(header, body);
                    }
                }
                finally
                {
                    reader.AdvanceTo(buffer.Start, buffer.End);
                }

                if (result.IsCompleted || result.IsCanceled)
                {
                    throw new CqlConnectionException(
                        EndPoint,
                        buffer.IsEmpty
                            ? $"{EndPoint} closed the connection."
                            : $"{EndPoint} closed the connection in the middle of a frame ({buffer.Length} bytes of an incomplete frame received).");
                }
            }
        }
        catch (OperationCanceledException) when (_shutdown.IsCancellationRequested)
        {
            // Close() already recorded the reason.
        }
        catch (Exception ex) when (ex is CqlException)
        {
            Close(ex);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or System.Net.Sockets.SocketException or InvalidOperationException)
        {
            Close(new CqlConnectionException(EndPoint, $"Reading from {EndPoint} failed: {ex.Message}", ex));
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    private void Dispatch(in FrameHeader header, in ReadOnlySequence<byte> body)
    {
        if (!header.IsResponse)
        {
            throw new CqlProtocolException(EndPoint, $"{EndPoint} sent a request frame (opcode {header.Opcode}) where a response was expected.");
        }

        if (header.ProtocolVersion != ProtocolVersion)
        {
            // During the handshake a server that does not speak our version answers in its own; report that so
            // the caller can retry with a lower version instead of treating it as garbage.
            throw new ProtocolVersionMismatchException(EndPoint, ProtocolVersion, header.ProtocolVersion);
        }

        var frame = Frame.Create(header, FrameCodec.MaterializeBody(header, body, _compressIncoming));
        if (frame.Warnings is { } warnings)
        {
            foreach (var warning in warnings)
            {
                Log.ServerWarning(_logger, EndPoint, warning);
            }
        }

        if (header.Stream < 0)
        {
            if (header.Opcode == Opcode.Event)
            {
                RaiseEvent(frame);
            }

            return;
        }

        if (header.Stream >= _pending.Length || Volatile.Read(ref _pending[header.Stream]) is not { } pending)
        {
            if (header.Opcode == Opcode.Error)
            {
                // The server could not even decode one of our frames (it answers those on a stream it made up),
                // so some request will never get its answer: fail them all now rather than let one hang.
                var error = ErrorDecoder.Decode(frame, EndPoint);
                throw new CqlProtocolException(EndPoint, $"{EndPoint} rejected a frame it could not decode: {error.ServerMessage}", error);
            }

            Log.UnknownStream(_logger, EndPoint, header.Stream, header.Opcode.ToString());
            return;
        }

        ReleaseSlot(pending);
        pending.TrySetResult(frame);
    }

    private void RaiseEvent(Frame frame)
    {
        if (_onEvent is null)
        {
            return;
        }

        var serverEvent = EventDecoder.Decode(frame);
        try
        {
            _onEvent(serverEvent);
        }
#pragma warning disable CA1031 // An event handler's bug must not kill the read loop of every request on this socket.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.EventHandlerFailed(_logger, EndPoint, ex);
        }
    }
}
