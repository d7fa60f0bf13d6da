using Microsoft.Extensions.Configuration;
using OrderPipeline.Kafka;

namespace OrderPipeline.Cli.Commands.Produce;

/// <summary>
/// Builds <see cref="KafkaOptions"/> for a command: defaults, then the <c>Kafka</c> section from environment
/// variables (<c>ORDERPIPELINE_Kafka__BootstrapServers=...</c>), then command-line flags. Without an explicit
/// bootstrap list, a stack on another loopback subnet (<c>ORDERPIPELINE_STACK_SUBNET=127.0.N</c>) is found at
/// <c>127.0.N.1:9092</c>.
/// </summary>
internal static class KafkaCliOptions
{
    public static KafkaOptions Resolve(string? bootstrapServers, string? topic, string? profile)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables("ORDERPIPELINE_").Build();
        var options = KafkaOptions.Bind(configuration);
        var subnet = Environment.GetEnvironmentVariable("ORDERPIPELINE_STACK_SUBNET");
        if (configuration[$"{KafkaOptions.SectionName}:BootstrapServers"] is null && !string.IsNullOrWhiteSpace(subnet))
        {
            options.BootstrapServers = $"{subnet.Trim().TrimEnd('.')}.1:9092";
        }

        options.BootstrapServers = bootstrapServers ?? options.BootstrapServers;
        options.Topic = topic ?? options.Topic;
        options.Profile = profile ?? options.Profile;
        return options.Validate();
    }
}
