using OrderPipeline.Cql.Protocol;

namespace OrderPipeline.Cql.Connections;

internal sealed partial class CqlConnection
{
    /// <summary>
    /// The one writer: drains every queued frame into the pipe, then flushes once, so bursts of concurrent
    /// requests share a single socket write. Requests abandoned before their turn are skipped.
    /// </summary>
    private async Task WriteLoopAsync()
    {
        var queue = _writeQueue.Reader;
        var writer = _writer!;
        try
        {
            while (await queue.WaitToReadAsync(_shutdown.Token).ConfigureAwait(false))
            {
                while (queue.TryRead(out var pending))
                {
                    var frame = pending.Frame;
                    pending.Frame = null;
                    if (frame is null)
                    {
                        continue;
                    }

                    if (!pending.TryMarkWritten())
                    {
                        frame.Return();
                        ReleaseSlot(pending);
                        continue;
                    }

                    var span = frame.WrittenSpan;
                    span.CopyTo(writer.GetSpan(span.Length));
                    writer.Advance(span.Length);
                    frame.Return();
                }

                var flush = await writer.FlushAsync(_shutdown.Token).ConfigureAwait(false);
                if (flush.IsCompleted)
                {
                    throw new CqlConnectionException(EndPoint, $"{EndPoint} stopped accepting data.");
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
            Close(new CqlConnectionException(EndPoint, $"Writing to {EndPoint} failed: {ex.Message}", ex));
        }
        finally
        {
            while (queue.TryRead(out var left))
            {
                left.Frame?.Return();
                left.Frame = null;
            }

            await writer.CompleteAsync().ConfigureAwait(false);
        }
    }
}
