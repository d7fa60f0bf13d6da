using System.Net;

namespace OrderPipeline.Cql.Connections;

/// <summary>A node of the cluster: where it is, what it owns, whether it is up, and its connection pool.</summary>
internal sealed class Host(IPEndPoint endPoint)
{
    private volatile bool _isUp = true;

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

    public override string ToString() => EndPoint.ToString();
}
