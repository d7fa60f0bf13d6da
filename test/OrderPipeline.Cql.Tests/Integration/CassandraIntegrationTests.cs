using System.Net;
using System.Numerics;
using OrderPipeline.Cql;
using OrderPipeline.TestSupport.Stack;

namespace OrderPipeline.Cql.Tests.Integration;

/// <summary>The client against the real Cassandra 2.1 of the stack (one node); each test uses its own keyspace.</summary>
[Collection(StackFixture.Collection)]
[Trait("Category", "Integration")]
public sealed class CassandraIntegrationTests(StackFixture stack, Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _keyspace = "cqltest_" + Guid.NewGuid().ToString("N")[..12];
    private CqlSession _session = null!;

    public async Task InitializeAsync()
    {
        _session = await CqlSession.ConnectAsync(new CqlSessionOptions { ContactPoints = [.. stack.CassandraContactPoints], Consistency = CqlConsistency.Quorum }, new TestOutputLoggerFactory(output));
        await _session.ExecuteAsync($"CREATE KEYSPACE {_keyspace} WITH replication = {{'class': 'SimpleStrategy', 'replication_factor': 1}}");
    }

    public async Task DisposeAsync()
    {
        await _session.ExecuteAsync($"DROP KEYSPACE IF EXISTS {_keyspace}");
        await _session.DisposeAsync();
    }

    [Fact]
    public async Task Session_NegotiatesV3_WithCassandra21_AndDiscoversTheNode()
    {
        // Then the v4 attempt was refused and v3 negotiated; the node's datacenter and version are known
        Assert.Equal(3, _session.ProtocolVersion);
        var node = Assert.Single(_session.Nodes);
        Assert.StartsWith("2.1", node.ReleaseVersion, StringComparison.Ordinal);
        Assert.NotNull(_session.LocalDatacenter);
        Assert.True(node.IsUp);
    }

    [Fact]
    public async Task EveryType_InsertedWithPreparedStatement_ReadsBackEqual()
    {
        // Given a table with every type Cassandra 2.1 supports, a tuple and a UDT
        await _session.ExecuteAsync($"CREATE TYPE {_keyspace}.address (street text, zip int)");
        await _session.ExecuteAsync($"""
            CREATE TABLE {_keyspace}.all_types (
              id uuid PRIMARY KEY, a ascii, b bigint, bl blob, bo boolean, de decimal, do double, f float,
              i inet, n int, t text, ts timestamp, tu timeuuid, vc varchar, vi varint,
              l list<int>, s set<text>, m map<text, bigint>, tp frozen<tuple<int, text>>, ad frozen<address>)
            """);
        var insert = await _session.PrepareAsync($"INSERT INTO {_keyspace}.all_types (id, a, b, bl, bo, de, do, f, i, n, t, ts, tu, vc, vi, l, s, m, tp, ad) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        var id = Guid.NewGuid();
        var timeuuid = Guid.Parse("e481f51c-bdc5-11e7-b7cc-49136f2d6af7");
        var timestamp = new DateTimeOffset(2017, 10, 2, 10, 56, 33, 123, TimeSpan.Zero);
        var address = new CqlUdtValue { ["street"] = "Rua A", ["zip"] = 12345 };

        // When inserted with a prepared statement at QUORUM
        await _session.ExecuteAsync(insert.Bind(
            id, "ascii", long.MinValue, new byte[] { 0, 1, 255 }, true, 123.456m, Math.PI, 1.5f,
            IPAddress.Parse("10.0.0.1"), int.MaxValue, "texto ção", timestamp, timeuuid, "varchar",
            BigInteger.Parse("-123456789012345678901234567890", System.Globalization.CultureInfo.InvariantCulture),
            new List<int> { 3, 1, 2 }, new HashSet<string> { "x", "y" }, new Dictionary<string, long> { ["k"] = 9 },
            (7, "seven"), address));

        // Then every column reads back equal
        var select = await _session.PrepareAsync($"SELECT * FROM {_keyspace}.all_types WHERE id = ?");
        var row = Assert.Single(await _session.ExecuteAsync(select.Bind(id)));
        Assert.Equal(id, row.Get<Guid>("id"));
        Assert.Equal("ascii", row.Get<string>("a"));
        Assert.Equal(long.MinValue, row.Get<long>("b"));
        Assert.Equal(new byte[] { 0, 1, 255 }, row.Get<byte[]>("bl"));
        Assert.True(row.Get<bool>("bo"));
        Assert.Equal(123.456m, row.Get<decimal>("de"));
        Assert.Equal(Math.PI, row.Get<double>("do"));
        Assert.Equal(1.5f, row.Get<float>("f"));
        Assert.Equal(IPAddress.Parse("10.0.0.1"), row.Get<IPAddress>("i"));
        Assert.Equal(int.MaxValue, row.Get<int>("n"));
        Assert.Equal("texto ção", row.Get<string>("t"));
        Assert.Equal(timestamp, row.Get<DateTimeOffset>("ts"));
        Assert.Equal(timeuuid, row.Get<Guid>("tu"));
        Assert.Equal("varchar", row.Get<string>("vc"));
        Assert.Equal(BigInteger.Parse("-123456789012345678901234567890", System.Globalization.CultureInfo.InvariantCulture), row.Get<BigInteger>("vi"));
        Assert.Equal([3, 1, 2], row.Get<List<int>>("l"));
        Assert.True(new HashSet<string> { "x", "y" }.SetEquals(row.Get<HashSet<string>>("s")));
        Assert.Equal(9, row.Get<Dictionary<string, long>>("m")["k"]);
        Assert.Equal(new object?[] { 7, "seven" }, row.Get<object?[]>("tp"));
        var readAddress = row.Get<CqlUdtValue>("ad");
        Assert.Equal("Rua A", readAddress["street"]);
        Assert.Equal(12345, readAddress["zip"]);
    }

    [Fact]
    public async Task NullValues_AndCounters_Work()
    {
        await _session.ExecuteAsync($"CREATE TABLE {_keyspace}.nulls (id int PRIMARY KEY, v text)");
        await _session.ExecuteAsync($"CREATE TABLE {_keyspace}.counts (id int PRIMARY KEY, c counter)");
        var insert = await _session.PrepareAsync($"INSERT INTO {_keyspace}.nulls (id, v) VALUES (?, ?)");
        await _session.ExecuteAsync(insert.Bind(1, null));
        var bump = await _session.PrepareAsync($"UPDATE {_keyspace}.counts SET c = c + ? WHERE id = ?");
        await _session.ExecuteAsync(bump.Bind(5L, 1));
        await _session.ExecuteAsync(bump.Bind(2L, 1));

        var row = Assert.Single(await _session.ExecuteAsync($"SELECT v FROM {_keyspace}.nulls WHERE id = 1"));
        Assert.True(row.IsNull("v"));
        Assert.Null(row.Get<string?>("v"));
        Assert.Throws<InvalidCastException>(() => row.Get<int>("v"));
        Assert.Equal(7L, Assert.Single(await _session.ExecuteAsync($"SELECT c FROM {_keyspace}.counts WHERE id = 1")).Get<long>("c"));
    }

    [Fact]
    public async Task Batches_LoggedAndUnlogged_ApplyAllStatements()
    {
        // Given a table and a prepared insert
        await _session.ExecuteAsync($"CREATE TABLE {_keyspace}.b (p int, c int, v text, PRIMARY KEY (p, c))");
        var insert = await _session.PrepareAsync($"INSERT INTO {_keyspace}.b (p, c, v) VALUES (?, ?, ?)");

        // When a logged batch (bound + simple) and an unlogged batch run
        var logged = new BatchStatement().Add(insert.Bind(1, 1, "a")).Add(insert.Bind(1, 2, "b"))
            .Add(new SimpleStatement($"INSERT INTO {_keyspace}.b (p, c, v) VALUES (?, ?, ?)", 1, 3, "c"));
        await _session.ExecuteAsync(logged);
        var unlogged = new BatchStatement(CqlBatchType.Unlogged);
        for (var c = 10; c < 20; c++)
        {
            unlogged.Add(insert.Bind(1, c, "u"));
        }

        await _session.ExecuteAsync(unlogged);

        // Then all 13 rows are there
        var rows = await _session.ExecuteAsync($"SELECT c FROM {_keyspace}.b WHERE p = 1");
        Assert.Equal(13, rows.Count);
    }

    [Fact]
    public async Task Paging_Over20000Rows_AutomaticAndManual()
    {
        // Given 20,000 rows in one partition, inserted concurrently with a prepared statement
        await _session.ExecuteAsync($"CREATE TABLE {_keyspace}.many (p int, c int, v text, PRIMARY KEY (p, c))");
        var insert = await _session.PrepareAsync($"INSERT INTO {_keyspace}.many (p, c, v) VALUES (?, ?, ?)");
        await Parallel.ForEachAsync(Enumerable.Range(0, 20_000), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, ct) =>
            await _session.ExecuteAsync(insert.Bind(1, i, "row"), ct));

        // When read back with automatic paging (pages of 1,000)
        var select = new SimpleStatement($"SELECT c FROM {_keyspace}.many WHERE p = 1") { PageSize = 1000 };
        var seen = 0;
        var expected = 0;
        await foreach (var row in _session.QueryAsync(select))
        {
            Assert.Equal(expected++, row.Get<int>("c"));
            seen++;
        }

        // And manually with the paging state
        var pages = 0;
        var manual = 0;
        ReadOnlyMemory<byte>? state = null;
        do
        {
            var page = await _session.ExecuteAsync(new SimpleStatement($"SELECT c FROM {_keyspace}.many WHERE p = 1") { PageSize = 7000, PagingState = state });
            manual += page.Count;
            pages++;
            state = page.PagingState;
        }
        while (state is not null);

        // Then every row came once, in clustering order, and manual paging took 3 pages
        Assert.Equal(20_000, seen);
        Assert.Equal(20_000, manual);
        Assert.InRange(pages, 3, 4);
    }

    [Fact]
    public async Task ServerErrors_AreTyped()
    {
        await Assert.ThrowsAsync<CqlSyntaxException>(() => _session.ExecuteAsync("SELEC nothing"));
        await Assert.ThrowsAsync<CqlInvalidQueryException>(() => _session.ExecuteAsync($"SELECT * FROM {_keyspace}.missing"));
        var exists = await Assert.ThrowsAsync<CqlAlreadyExistsException>(() => _session.ExecuteAsync($"CREATE KEYSPACE {_keyspace} WITH replication = {{'class': 'SimpleStrategy', 'replication_factor': 1}}"));
        Assert.Equal(_keyspace, exists.Keyspace);
    }

    [Fact]
    public async Task UseKeyspace_AppliesToEveryConnection()
    {
        await _session.ExecuteAsync($"CREATE TABLE {_keyspace}.kv (k int PRIMARY KEY, v int)");
        await _session.ExecuteAsync($"USE {_keyspace}");
        Assert.Equal(_keyspace, _session.Keyspace);
        var insert = await _session.PrepareAsync("INSERT INTO kv (k, v) VALUES (?, ?)");
        await _session.ExecuteAsync(insert.Bind(1, 2));
        Assert.Equal(2, Assert.Single(await _session.ExecuteAsync("SELECT v FROM kv WHERE k = 1")).Get<int>("v"));
    }
}
