using System.ComponentModel;
using OrderPipeline.Cli.Commands.Produce;
using OrderPipeline.Kafka;
using OrderPipeline.Stack;
using Spectre.Console.Cli;

namespace OrderPipeline.Cli.Commands;

/// <summary>
/// Where Kafka and Cassandra are, shared by consume, verify and schema apply. Defaults follow the local stack
/// (ORDERPIPELINE_STACK_SUBNET), so the commands work against `stack up` without options.
/// </summary>
internal class PipelineConnectionSettings : CommandSettings
{
    [CommandOption("--bootstrap-servers <HOSTS>")]
    [Description("Kafka bootstrap servers, host:port[,host:port] (default: the local stack's broker).")]
    public string? BootstrapServers { get; init; }

    [CommandOption("--contact-points <HOSTS>")]
    [Description("Cassandra contact points, host[:port][,...] (default: the local stack's node).")]
    public string? ContactPoints { get; init; }

    [CommandOption("--keyspace <NAME>")]
    [Description("Cassandra keyspace (default ecommerce).")]
    public string Keyspace { get; init; } = "ecommerce";

    [CommandOption("--topic <NAME>")]
    [Description("Orders topic (default ecommerce-orders).")]
    public string Topic { get; init; } = "ecommerce-orders";

    [CommandOption("--kafka-profile <PROFILE>")]
    [Description("auto (probe the broker; default), legacy-0.9 or modern.")]
    public string? KafkaProfile { get; init; }

    /// <summary>Kafka options: defaults, ORDERPIPELINE_Kafka__* variables, the stack subnet, then these flags.</summary>
    public KafkaOptions ResolveKafka() => KafkaCliOptions.Resolve(BootstrapServers, Topic, KafkaProfile);

    public string ResolveContactPoints() =>
        ContactPoints ?? $"{StackOptions.FromEnvironment().Host(1)}:{StackLayout.CassandraNativePort}";
}
