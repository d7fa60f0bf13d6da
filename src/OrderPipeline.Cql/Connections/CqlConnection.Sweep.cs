using OrderPipeline.Cql.Diagnostics;
using OrderPipeline.Cql.Protocol.Requests;

namespace OrderPipeline.Cql.Connections;

internal sealed partial class CqlConnection
{
    private int _heartbeatInFlight;

    /// <summary>
    /// Periodic pass: fails requests past their timeout (their stream ids stay reserved until the server answers),
    /// declares the connection dead when requests time out and nothing at all was read for a whole timeout, and
    /// sends an OPTIONS heartbeat on an idle connection.
    /// </summary>
    private void Sweep()
    {
        if (IsClosed)
        {
            return;
        }

        var now = _time.GetTimestamp();
        var silentFor = _time.GetElapsedTime(Volatile.Read(ref _lastReadTimestamp), now);
        var highWater = _streamIds.HighWater;
        for (var i = 0; i <= highWater && i < _pending.Length; i++)
        {
            if (Volatile.Read(ref _pending[i]) is not { } pending || pending.State == PendingRequest.Abandoned)
            {
                continue;
            }

            if (_time.GetElapsedTime(pending.StartTimestamp, now) < pending.Timeout)
            {
                continue;
            }

            if (pending.TrySetException(new CqlClientTimeoutException(EndPoint, pending.Timeout)))
            {
                pending.MarkAbandoned();
                CqlMetrics.ClientTimeouts.Add(1);
            }

            if (silentFor >= pending.Timeout)
            {
                Close(new CqlConnectionException(EndPoint, $"{EndPoint} sent nothing for {silentFor.TotalMilliseconds:0} ms while requests were pending; the connection is considered dead."));
                return;
            }
        }

        if (silentFor >= _settings.HeartbeatInterval && Interlocked.Exchange(ref _heartbeatInFlight, 1) == 0)
        {
            _ = HeartbeatAsync();
        }
    }

    private async Task HeartbeatAsync()
    {
        try
        {
            await SendAsync(OptionsRequest.Instance, _settings.RequestTimeout, CancellationToken.None).ConfigureAwait(false);
        }
        catch (CqlException ex)
        {
            Log.HeartbeatFailed(_logger, EndPoint, ex);
            Close(new CqlConnectionException(EndPoint, $"Heartbeat to {EndPoint} failed: {ex.Message}", ex));
        }
        finally
        {
            Volatile.Write(ref _heartbeatInFlight, 0);
        }
    }
}
