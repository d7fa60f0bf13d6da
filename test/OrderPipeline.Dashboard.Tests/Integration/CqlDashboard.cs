using Microsoft.Extensions.Logging.Abstractions;
using OrderPipeline.Cql;
using OrderPipeline.Dashboard.Data;
using OrderPipeline.Dashboard.Health;
using OrderPipeline.Dashboard.Tests.Fakes;
using OrderPipeline.Kafka;

namespace OrderPipeline.Dashboard.Tests.Integration;

/// The dashboard as the CLI wires it (CQL store, Confluent Kafka probe), on a test keyspace.
public static class CqlDashboard
{
    public static async Task<(RunningDashboard Dashboard, CqlSessionProvider Sessions, KafkaProbe Kafka)> StartAsync(
        CqlSessionOptions cql, string keyspace, string bootstrapServers)
    {
        var options = new DashboardOptions
        {
            Keyspace = keyspace,
            Kafka = new KafkaOptions { BootstrapServers = bootstrapServers }.Validate(),
            AnalyticsInterval = TimeSpan.FromMilliseconds(500),
            HealthInterval = TimeSpan.FromMilliseconds(500),
        };
        var sessions = new CqlSessionProvider(cql, NullLoggerFactory.Instance);
        var kafka = new KafkaProbe(Microsoft.Extensions.Options.Options.Create(options), NullLogger<KafkaProbe>.Instance);
        var dashboard = await RunningDashboard.StartAsync(new CqlOrderStore(sessions, keyspace), kafka, options);
        return (dashboard, sessions, kafka);
    }
}
