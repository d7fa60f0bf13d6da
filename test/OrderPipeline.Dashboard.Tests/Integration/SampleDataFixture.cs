using Microsoft.Extensions.Logging.Abstractions;
using OrderPipeline.Cql;
using OrderPipeline.Dashboard.Tests.Browser;
using OrderPipeline.Orders;
using OrderPipeline.Orders.Csv;
using OrderPipeline.TestSupport.Stack;

namespace OrderPipeline.Dashboard.Tests.Integration;

/// The bundled sample loaded into a keyspace of its own on the running stack, dropped afterwards.
public sealed class SampleDataFixture : IAsyncLifetime
{
    public StackFixture Stack { get; } = new();

    public CqlSession Session { get; private set; } = null!;

    public string Keyspace { get; } = "dash_" + Guid.NewGuid().ToString("N")[..10];

    /// Rows in orders_by_day, counted by Cassandra itself.
    public long DirectCount { get; private set; }

    public async Task InitializeAsync()
    {
        await Stack.InitializeAsync();
        Session = await CqlSession.ConnectAsync(Cql(), NullLoggerFactory.Instance);
        var root = RepoPaths.Root();
        await OrdersLoader.CreateSchemaAsync(Session, Path.Combine(root, "schema", "ecommerce.cql"), Keyspace);
        var orders = OrderFile.ReadCleaned(Path.Combine(root, "data", "olist_orders_sample.csv"), new CleaningSummary())
            .Where(r => r.IsValid)
            .Select(r => r.Order!);
        await OrdersLoader.WriteAsync(Session, Keyspace, orders);
        var count = await Session.ExecuteAsync($"SELECT count(*) FROM {Keyspace}.orders_by_day");
        DirectCount = count[0].Get<long>(0);
    }

    public CqlSessionOptions Cql() => new() { ContactPoints = [.. Stack.CassandraContactPoints] };

    public async Task DisposeAsync()
    {
        if (Session is not null)
        {
            await Session.ExecuteAsync(new SimpleStatement($"DROP KEYSPACE IF EXISTS {Keyspace}") { Timeout = TimeSpan.FromSeconds(60) });
            await Session.DisposeAsync();
        }

        await Stack.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SampleDataGroup : ICollectionFixture<SampleDataFixture>
{
    public const string Name = "sample-data";
}
