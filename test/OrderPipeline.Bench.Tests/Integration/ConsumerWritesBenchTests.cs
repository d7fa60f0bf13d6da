using OrderPipeline.Bench.Cql;
using OrderPipeline.Cql;
using OrderPipeline.Orders;
using OrderPipeline.Orders.Csv;
using OrderPipeline.TestSupport.Stack;

namespace OrderPipeline.Bench.Tests.Integration;

[Collection(StackFixture.Collection)]
[Trait("Category", "Integration")]
public sealed class ConsumerWritesBenchTests(StackFixture stack)
{
    private static string SampleCsv => Path.Combine(RepositoryRoot(), "data", "olist_orders_sample.csv");

    [Fact]
    public async Task Writes_every_valid_order_of_the_input_into_both_tables_and_reports_its_rate()
    {
        var valid = OrderFile.ReadCleaned(SampleCsv, new CleaningSummary()).Count(r => r.Order is not null);

        var figures = await ConsumerWritesBench.RunAsync(stack.CassandraHosts[0], SampleCsv);

        Assert.Equal(valid, figures.Rows);
        Assert.True(figures.RowsPerSecond > 0 && figures.Seconds > 0);
        var options = new CqlSessionOptions { Consistency = CqlConsistency.Quorum };
        options.ContactPoints.Add(stack.CassandraHosts[0]);
        await using var session = await CqlSession.ConnectAsync(options);
        foreach (var table in new[] { "orders", "orders_by_day" })
        {
            var rows = await session.ExecuteAsync($"SELECT COUNT(*) FROM {ConsumerWritesBench.Keyspace}.{table}");
            Assert.Equal(valid, rows.Single().Get<long>("count"));
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OrderPipeline.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OrderPipeline.slnx not found above the test assembly.");
    }
}
