using System.ComponentModel;
using OrderPipeline.Cli.Commands.Produce;
using OrderPipeline.Cql;
using OrderPipeline.Dashboard;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrderPipeline.Cli.Commands.Dashboard;

/// Where the dashboard and the report read from. Without options they follow the local stack
/// (ORDERPIPELINE_STACK_SUBNET=127.0.N puts Kafka and Cassandra at 127.0.N.1).
internal class DashboardConnectionSettings : CommandSettings
{
    [CommandOption("--contact-points <HOSTS>")]
    [Description("Cassandra contact points, host[[:port]][[,...]] (default: the local stack's node).")]
    public string? ContactPoints { get; init; }

    [CommandOption("--bootstrap-servers <HOSTS>")]
    [Description("Kafka bootstrap servers, host:port[[,host:port]] (default: the local stack's broker).")]
    public string? BootstrapServers { get; init; }

    [CommandOption("--keyspace <NAME>")]
    [Description("Cassandra keyspace (default ecommerce).")]
    public string Keyspace { get; init; } = "ecommerce";

    public DashboardOptions ResolveOptions() => new()
    {
        Keyspace = Keyspace,
        Kafka = KafkaCliOptions.Resolve(BootstrapServers, topic: null, profile: null),
        CassandraContactPoints = ResolveContactPoints(),
    };

    public CqlSessionOptions ResolveCql() => new()
    {
        ContactPoints = [.. ResolveContactPoints()],
        ConnectTimeout = TimeSpan.FromSeconds(3),
    };

    private string[] ResolveContactPoints()
    {
        if (!string.IsNullOrWhiteSpace(ContactPoints))
        {
            return ContactPoints.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        var subnet = Environment.GetEnvironmentVariable("ORDERPIPELINE_STACK_SUBNET");
        return [string.IsNullOrWhiteSpace(subnet) ? "127.0.0.1:9042" : $"{subnet.Trim().TrimEnd('.')}.1:9042"];
    }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Keyspace) || !Keyspace.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? ValidationResult.Error("--keyspace must be a plain CQL name (letters, digits, _).")
            : ValidationResult.Success();
}
