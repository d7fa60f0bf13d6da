using System.Net;

namespace OrderPipeline.Cql.Connections;

/// <summary>A node of the cluster: where it is, what it owns, whether it is up, and its connection pool.</summary>
internal sealed class Host(IPEndPoint endPoint)
{
    private volatile bool _isUp = true;
    private long _requestsSent;
    private TaskCompletionSource _reconnectWake = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IPEndPoint EndPoint { get; } = endPoint;

    public string? Datacenter { get; set; }

    public string? Rack { get; set; }

    public string? ReleaseVersion { get; set; }

    public IReadOnlyList<string> Tokens { get; set; } = [];

    public bool IsUp => _isUp;

    /// <summary>Set once the session created it; null only while the host is being registered.</summary>
    public HostPool? Pool { get; set; }

    /// <summary>Marks the node down; returns true when it was up.</summary>
    public bool MarkDown()
    {
        var wasUp = _isUp;
        _isUp = false;
        return wasUp;
    }

    /// <summary>Marks the node up; returns true when it was down.</summary>
    public bool MarkUp()
    {
        var wasDown = !_isUp;
        _isUp = true;
        return wasDown;
    }

    /// <summary>Requests written to this node's connections (each attempt, retries and re-prepares included).</summary>
    public long RequestsSent => Interlocked.Read(ref _requestsSent);

    public void CountRequest() => Interlocked.Increment(ref _requestsSent);

    /// <summary>Completes when <see cref="WakeReconnect"/> is called: the reconnection loop waits on it beside its backoff delay.</summary>
    public Task ReconnectWake => Volatile.Read(ref _reconnectWake).Task;

    /// <summary>Ends the reconnection loop's current wait (the cluster says the node is up again).</summary>
    public void WakeReconnect() => Volatile.Read(ref _reconnectWake).TrySetResult();

    /// <summary>Arms a fresh wake-up signal after the loop woke.</summary>
    public void ResetReconnectWake()
    {
        if (Volatile.Read(ref _reconnectWake).Task.IsCompleted)
        {
            Volatile.Write(ref _reconnectWake, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }
    }

    public override string ToString() => EndPoint.ToString();
}
