using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using OrderPipeline.Stack;
using OrderPipeline.Stack.Processes;
using Xunit.Abstractions;

namespace OrderPipeline.Cql.Tests.Integration.Cluster;

/// QUORUM writes on a real 3-node Cassandra 2.1 cluster (RF 3) while nodes are killed, stopped and restarted.
/// Each test starts again (in a finally) the nodes it took down; starting a running node is a no-op.
[Collection(IsolatedStackGroup.Name)]
[Trait("Category", "Integration")]
public sealed class ClusterFailoverIntegrationTests(ThreeNodeClusterFixture cluster, ITestOutputHelper output)
    : IClassFixture<ThreeNodeClusterFixture>, IAsyncLifetime
{
    /// No request may take this long: a node that died must cost a failed attempt, never a wait for a timeout.
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(6);
    private readonly string _table = "t_" + Guid.NewGuid().ToString("N")[..10];
    private readonly ConcurrentDictionary<int, byte> _written = new();
    private CqlSession _session = null!;
    private long _slowestTicks;

    public async Task InitializeAsync()
    {
        output.WriteLine($"3-node stack started in {cluster.StartTime.TotalSeconds:F1} s");
        _session = await CqlSession.ConnectAsync(new CqlSessionOptions
        {
            ContactPoints = [.. cluster.Hosts],
            Keyspace = ThreeNodeClusterFixture.Keyspace,
            Consistency = CqlConsistency.Quorum,
            RequestTimeout = TimeSpan.FromSeconds(10),
            ReconnectBaseDelay = TimeSpan.FromMilliseconds(500),
        }, new TestOutputLoggerFactory(output));

        // The session waits for schema agreement, so every node knows the table when this returns.
        await _session.ExecuteAsync($"CREATE TABLE {_table} (id int PRIMARY KEY, v text)");
    }

    public async Task DisposeAsync() => await _session.DisposeAsync();

    [Fact]
    public async Task Should_KeepWritingAtQuorum_When_OneNodeIsKilled_AndUseItAgainAfterRestart()
    {
        var insert = await _session.PrepareAsync($"INSERT INTO {_table} (id, v) VALUES (?, ?)");
        try
        {
            // Given prepared, idempotent QUORUM inserts on 8 workers, 300 of them done on the full cluster
            await WriteAsync(insert, 1, 300);

            // When node 1 is SIGKILLed while the workers write 1200 more
            var writing = WriteAsync(insert, 301, 1500);
            await Task.Delay(100);
            var killed = Stopwatch.StartNew();
            await cluster.Stack.Stack.KillNodeAsync(ServerKind.Cassandra, 1, Signal.Kill);
            await writing;
            var slowest = TimeSpan.FromTicks(Interlocked.Read(ref _slowestTicks));
            output.WriteLine($"writes finished {killed.Elapsed.TotalSeconds:F1} s after the kill; slowest write {slowest.TotalMilliseconds:F0} ms");

            // Then every write succeeded without a hang, the session marked the node down, and every row reads back at QUORUM
            Assert.Equal(1500, _written.Count);
            Assert.True(slowest < NoHang, $"slowest write took {slowest}");
            Assert.False(NodeInfo(1).IsUp);
            Assert.Equal(Enumerable.Range(1, 1500), await ReadIdsAsync(1, 1500));

            // When the node is started again and the session sees it up
            var restart = Stopwatch.StartNew();
            await cluster.RestoreAsync(1);
            var ready = restart.Elapsed;
            while (!NodeInfo(1).IsUp)
            {
                Assert.True(restart.Elapsed < ready + TimeSpan.FromSeconds(30), "the session did not mark the restarted node up within 30 s");
                await Task.Delay(100);
            }

            output.WriteLine($"node ready {ready.TotalSeconds:F1} s after start; the session saw it up {(restart.Elapsed - ready).TotalSeconds:F1} s later");

            // Then the statement prepared before the restart (the node's statement cache is empty now) runs on it
            var before = NodeInfo(1).RequestsSent;
            for (var id = 2001; id <= 2060; id++)
            {
                await _session.ExecuteAsync(insert.Bind(id, "after restart"));
            }

            var sentToRestarted = NodeInfo(1).RequestsSent - before;
            output.WriteLine($"{sentToRestarted} of 60 token-aware inserts after the restart went to the restarted node");
            Assert.True(sentToRestarted >= 10, $"only {sentToRestarted} of 60 token-aware inserts (RF 3: every node a replica) reached the restarted node");
            Assert.Equal(Enumerable.Range(2001, 60), await ReadIdsAsync(2001, 2060));
        }
        finally
        {
            await cluster.RestoreAsync(1);
        }
    }

    [Fact]
    public async Task Should_FailWithUnavailable_When_TwoOfThreeReplicasAreDown()
    {
        // Given a prepared QUORUM insert that works on the full cluster
        var insert = await _session.PrepareAsync($"INSERT INTO {_table} (id, v) VALUES (?, ?)");
        await _session.ExecuteAsync(insert.Bind(1, "before"));
        try
        {
            // When one node is killed and another stopped
            await cluster.Stack.Stack.KillNodeAsync(ServerKind.Cassandra, 2, Signal.Kill);
            await cluster.Stack.Stack.StopNodeAsync(ServerKind.Cassandra, 1);

            // Then writes fail fast with the typed Unavailable once the last node's failure detector convicted the
            // killed node (until then the coordinator may still count it: a server WriteTimeout, never a client hang)
            var clock = Stopwatch.StartNew();
            CqlUnavailableException? unavailable = null;
            var others = new List<string>();
            while (unavailable is null)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "no Unavailable within 60 s; saw: " + string.Join(", ", others));
                var attempt = Stopwatch.StartNew();
                try
                {
                    await _session.ExecuteAsync(insert.Bind(2, "with one node"));
                    Assert.Fail("a QUORUM write succeeded with two of three replicas down");
                }
                catch (CqlUnavailableException ex)
                {
                    unavailable = ex;
                }
                catch (Exception ex) when (ex is CqlWriteTimeoutException or CqlConnectionException or CqlNoHostAvailableException)
                {
                    others.Add($"{ex.GetType().Name} at {clock.Elapsed.TotalSeconds:F1} s");
                    await Task.Delay(500);
                }

                Assert.True(attempt.Elapsed < TimeSpan.FromSeconds(5), $"one attempt took {attempt.Elapsed}");
            }

            output.WriteLine($"Unavailable {clock.Elapsed.TotalSeconds:F1} s after the second node went down; before it: {string.Join(", ", others)}");
            Assert.Equal(CqlConsistency.Quorum, unavailable.Consistency);
            Assert.Equal(2, unavailable.Required);
            Assert.Equal(1, unavailable.Alive);
            Assert.Equal(IPAddress.Parse(cluster.Hosts[0]), Assert.IsType<IPEndPoint>(unavailable.Host).Address);
            Assert.True(unavailable.IsTransient);

            // And reads at ONE still work on the remaining node
            var select = await _session.PrepareAsync($"SELECT v FROM {_table} WHERE id = ?");
            var one = select.Bind(1);
            one.Consistency = CqlConsistency.One;
            Assert.Equal("before", Assert.Single(await _session.ExecuteAsync(one)).Get<string>("v"));
        }
        finally
        {
            await cluster.RestoreAsync(1, 2);
        }

        // And once both are back, QUORUM writes succeed again (after the session reconnects to them)
        var back = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await _session.ExecuteAsync(insert.Bind(3, "restored"));
                break;
            }
            catch (CqlException ex) when (back.Elapsed < TimeSpan.FromSeconds(30))
            {
                output.WriteLine($"after restart: {ex.GetType().Name}: {ex.Message}");
                await Task.Delay(500);
            }
        }

        output.WriteLine($"QUORUM writes worked again {back.Elapsed.TotalSeconds:F1} s after both nodes were ready");
    }

    private async Task WriteAsync(PreparedStatement insert, int first, int last)
    {
        var next = first - 1;
        var workers = Enumerable.Range(0, 8).Select(async _ =>
        {
            int id;
            while ((id = Interlocked.Increment(ref next)) <= last)
            {
                var clock = Stopwatch.StartNew();
                var bound = insert.Bind(id, "v" + id);
                bound.IsIdempotent = true;
                await _session.ExecuteAsync(bound);
                _written[id] = 0;
                var ticks = clock.Elapsed.Ticks;
                long seen;
                while (ticks > (seen = Interlocked.Read(ref _slowestTicks)) && Interlocked.CompareExchange(ref _slowestTicks, ticks, seen) != seen)
                {
                }
            }
        }).ToList();
        await Task.WhenAll(workers);
    }

    /// Point reads at QUORUM: right after a kill the coordinators may not have convicted the dead node, and
    /// single-partition reads (unlike range scans) have speculative retry to get past a replica that does not answer.
    private async Task<List<int>> ReadIdsAsync(int first, int last)
    {
        var select = await _session.PrepareAsync($"SELECT id FROM {_table} WHERE id = ?");
        var ids = new ConcurrentDictionary<int, byte>();
        await Parallel.ForEachAsync(Enumerable.Range(first, last - first + 1), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, token) =>
        {
            var read = select.Bind(id);
            read.IsIdempotent = true;
            read.Consistency = CqlConsistency.Quorum;
            foreach (var row in await _session.ExecuteAsync(read, token))
            {
                ids[row.Get<int>("id")] = 0;
            }
        });
        return [.. ids.Keys.Order()];
    }

    private CqlNodeInfo NodeInfo(int node) =>
        _session.Nodes.Single(n => n.EndPoint.Address.Equals(IPAddress.Parse(cluster.Hosts[node])));
}
