using OrderPipeline.Cql;
using OrderPipeline.Dashboard;
using Spectre.Console;

namespace OrderPipeline.Cli.Commands.Dashboard;

/// Where the dashboard and the report read from: the same options as consume/verify, so without options
/// they follow the local stack (ORDERPIPELINE_STACK_SUBNET=127.0.N puts Kafka and Cassandra at 127.0.N.1).
internal class DashboardConnectionSettings : PipelineConnectionSettings
{
    public DashboardOptions ResolveOptions() => new()
    {
        Keyspace = Keyspace,
        Kafka = ResolveKafka(),
        CassandraContactPoints = ContactPointList(),
    };

    public CqlSessionOptions ResolveCql() => new()
    {
        ContactPoints = [.. ContactPointList()],
        ConnectTimeout = TimeSpan.FromSeconds(3),
    };

    private string[] ContactPointList() =>
        ResolveContactPoints().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Keyspace) || !Keyspace.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? ValidationResult.Error("--keyspace must be a plain CQL name (letters, digits, _).")
            : base.Validate();
}
