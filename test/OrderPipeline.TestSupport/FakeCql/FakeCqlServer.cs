using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using OrderPipeline.Cql;
using OrderPipeline.Cql.Protocol;

namespace OrderPipeline.TestSupport.FakeCql;

/// <summary>
/// A CQL server on loopback (port 0) that reuses the client's frame reader and writer and answers by priming:
/// "when a request matches this, answer that". Unprimed requests get sensible defaults (READY, an empty
/// system.peers, a one-row system.local, Void for other queries).
/// </summary>
public sealed class FakeCqlServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(Func<FakeRequest, bool> When, Func<FakeRequest, FakeResponse?> Then)> _rules = [];
    private readonly ConcurrentBag<FakeConnection> _connections = [];
    private readonly Task _acceptLoop;

    public FakeCqlServer(IPAddress? address = null, int port = 0)
    {
        _listener = new TcpListener(address ?? IPAddress.Loopback, port);
        _listener.Start();
        EndPoint = (IPEndPoint)_listener.LocalEndpoint;
        _acceptLoop = AcceptLoopAsync();
    }

    public IPEndPoint EndPoint { get; }

    /// <summary>"host:port" for CqlSessionOptions.ContactPoints.</summary>
    public string ContactPoint => $"{EndPoint.Address}:{EndPoint.Port}";

    /// <summary>Protocol versions this server accepts; others get the error Cassandra 2.1 gives for v4.</summary>
    public IReadOnlyList<byte> SupportedVersions { get; set; } = [3, 4];

    /// <summary>Answer nothing at all (the server hangs but keeps sockets open).</summary>
    public bool Silent { get; set; }

    public string Datacenter { get; set; } = "dc1";

    public ConcurrentQueue<FakeRequest> Received { get; } = new();

    public IReadOnlyCollection<FakeConnection> Connections => _connections;

    public int AcceptedConnections => _connections.Count;

    /// <summary>Primes an answer; later rules win over earlier ones. Return null from <paramref name="then"/> to not answer.</summary>
    public FakeCqlServer When(Func<FakeRequest, bool> when, Func<FakeRequest, FakeResponse?> then)
    {
        lock (_rules)
        {
            _rules.Insert(0, (when, then));
        }

        return this;
    }

    public FakeCqlServer WhenQuery(string fragment, Func<FakeRequest, FakeResponse?> then) =>
        When(r => r.Kind is Opcode.Query or Opcode.Prepare && r.IsQuery(fragment), then);

    /// <summary>Answers PREPARE of matching queries with these markers (id derived from the query text).</summary>
    public FakeCqlServer PrimePrepared(string fragment, params (string Name, CqlType Type)[] markers) =>
        When(r => r.Kind == Opcode.Prepare && r.IsQuery(fragment), r => FakeResponse.Prepared(IdOf(r.Query!), r.Version, markers));

    public static byte[] IdOf(string query) => System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(query))[..16];

    /// <summary>Closes every accepted connection abruptly (as a killed node would).</summary>
    public void DropConnections()
    {
        foreach (var connection in _connections)
        {
            connection.Abort();
        }
    }

    internal FakeResponse? Answer(FakeRequest request)
    {
        Received.Enqueue(request);
        if (Silent)
        {
            return null;
        }

        if (!SupportedVersions.Contains(request.Version))
        {
            return FakeResponse.Error(CqlErrorCode.ProtocolError, $"Invalid or unsupported protocol version: {request.Version}").WithVersion(SupportedVersions.Max());
        }

        lock (_rules)
        {
            foreach (var (when, then) in _rules)
            {
                if (when(request))
                {
                    return then(request);
                }
            }
        }

        return Default(request);
    }

    private FakeResponse Default(FakeRequest request) => request.Kind switch
    {
        Opcode.Options => FakeResponse.Supported("lz4"),
        Opcode.Startup or Opcode.Register => FakeResponse.Ready(),
        Opcode.Query when request.IsQuery("system.local") => FakeResponse.Rows(
            [("cluster_name", CqlType.Text), ("data_center", CqlType.Text), ("rack", CqlType.Text), ("partitioner", CqlType.Text), ("release_version", CqlType.Text), ("tokens", CqlType.Set(CqlType.Text))],
            [["fake", Datacenter, "r1", "org.apache.cassandra.dht.Murmur3Partitioner", "2.1.0", new HashSet<string> { "0" }]],
            version: request.Version),
        Opcode.Query when request.IsQuery("system.peers") => FakeResponse.Rows([("peer", CqlType.Inet), ("rpc_address", CqlType.Inet)], [], version: request.Version),
        Opcode.Query when request.Query!.TrimStart().StartsWith("USE ", StringComparison.OrdinalIgnoreCase) => FakeResponse.SetKeyspace(request.Query.Trim()[4..].Trim('"', ' ')),
        Opcode.Prepare => FakeResponse.Prepared(IdOf(request.Query!), request.Version),
        _ => FakeResponse.Void(),
    };

    private async Task AcceptLoopAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                socket.NoDelay = true;
                _connections.Add(new FakeConnection(this, socket, _stop.Token));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Server stopped.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        DropConnections();
        await _acceptLoop;
        _stop.Dispose();
    }
}
