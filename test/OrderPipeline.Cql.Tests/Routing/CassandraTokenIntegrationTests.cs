using System.Net;
using OrderPipeline.Cql.Routing;
using OrderPipeline.TestSupport.Stack;

namespace OrderPipeline.Cql.Tests.Routing;

/// The routing code against a live node: our token of a key equals the server's `token()`, and a token map built
/// from the node's own tokens places every key on that node.
[Trait("Category", "Integration")]
public sealed class CassandraTokenIntegrationTests(StackFixture stack) : IClassFixture<StackFixture>, IAsyncLifetime
{
    private readonly string _keyspace = "routing_it_" + Guid.NewGuid().ToString("N")[..12];
    private CqlSession? _session;

    private CqlSession Session => _session ?? throw new InvalidOperationException("Not connected.");

    public async Task InitializeAsync()
    {
        _session = await CqlSession.ConnectAsync(new CqlSessionOptions { ContactPoints = [stack.CassandraHosts[0]] });
        await Session.ExecuteAsync($"CREATE KEYSPACE {_keyspace} WITH replication = {{'class': 'SimpleStrategy', 'replication_factor': 1}}");
        await Session.ExecuteAsync($"CREATE TABLE {_keyspace}.single (k blob PRIMARY KEY)");
        await Session.ExecuteAsync($"CREATE TABLE {_keyspace}.composite (a uuid, b text, c bigint, PRIMARY KEY ((a, b, c)))");
    }

    public async Task DisposeAsync()
    {
        if (_session is not null)
        {
            await _session.ExecuteAsync($"DROP KEYSPACE IF EXISTS {_keyspace}");
            await _session.DisposeAsync();
        }
    }

    [Fact]
    public async Task Should_EqualServerToken_When_KeysAreRandomBlobs()
    {
        // Given 200 random keys of 1..64 bytes (seeded), written to the node
        var random = new Random(424242);
        var insert = await Session.PrepareAsync($"INSERT INTO {_keyspace}.single (k) VALUES (?)");
        var select = await Session.PrepareAsync($"SELECT token(k) FROM {_keyspace}.single WHERE k = ?");
        for (var i = 0; i < 200; i++)
        {
            var key = new byte[random.Next(1, 65)];
            random.NextBytes(key);
            await Session.ExecuteAsync(insert.Bind(key));

            // When the server's token is read back
            var rows = await Session.ExecuteAsync(select.Bind(key));

            // Then ours equals it
            Assert.Equal(rows[0].Get<long>(0), Murmur3Token.Compute(key));
        }
    }

    [Fact]
    public async Task Should_EqualServerToken_When_PartitionKeyIsComposite()
    {
        var random = new Random(7);
        var insert = await Session.PrepareAsync($"INSERT INTO {_keyspace}.composite (a, b, c) VALUES (?, ?, ?)");
        var select = await Session.PrepareAsync($"SELECT token(a, b, c) FROM {_keyspace}.composite WHERE a = ? AND b = ? AND c = ?");
        for (var i = 0; i < 50; i++)
        {
            var a = Guid.NewGuid();
            var b = new string('x', random.Next(0, 40)) + "ç";
            var c = random.NextInt64(long.MinValue, long.MaxValue);
            await Session.ExecuteAsync(insert.Bind(a, b, c));
            var rows = await Session.ExecuteAsync(select.Bind(a, b, c));

            ReadOnlyMemory<byte>[] components = [UuidBytes(a), System.Text.Encoding.UTF8.GetBytes(b), BigEndian(c)];
            Assert.Equal(rows[0].Get<long>(0), RoutingKey.ComputeToken(components));
        }
    }

    [Fact]
    public async Task Should_PlaceKeysOnTheNode_When_MapBuiltFromSystemLocal()
    {
        // Given the node's own tokens (256 vnodes) and keyspace settings as the server reports them
        var local = (await Session.ExecuteAsync("SELECT tokens, partitioner FROM system.local"))[0];
        var tokens = local.Get<HashSet<string>>("tokens");
        var options = (await Session.ExecuteAsync($"SELECT strategy_class, strategy_options FROM system.schema_keyspaces WHERE keyspace_name = '{_keyspace}'"))[0];
        var node = new IPEndPoint(IPAddress.Parse(stack.CassandraHosts[0]), 9042);
        var source = TokenMapReplicaSource.Create(new ClusterTopology(
            local.Get<string>("partitioner"),
            [new TopologyNode(node, "datacenter1", "rack1", [.. tokens])],
            [new KeyspaceReplication(_keyspace, options.Get<string>("strategy_class"), System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(options.Get<string>("strategy_options"))!)]));

        // Then the ring has every token and any key's replica is that node
        var map = Assert.IsType<TokenMapReplicaSource>(source).Map;
        Assert.Equal(tokens.Count, map.RingSize);
        Assert.Equal([node], source.GetReplicas(_keyspace, [1, 2, 3]));
    }

    private static byte[] UuidBytes(Guid value)
    {
        var bytes = new byte[16];
        value.TryWriteBytes(bytes, bigEndian: true, out _);
        return bytes;
    }

    private static byte[] BigEndian(long value)
    {
        var bytes = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        return bytes;
    }
}
