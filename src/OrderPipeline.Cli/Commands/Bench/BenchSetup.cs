using Microsoft.Extensions.Logging.Abstractions;
using OrderPipeline.Bench;
using OrderPipeline.Bench.Suites;
using OrderPipeline.Stack;
using OrderPipeline.Stack.Install;

namespace OrderPipeline.Cli.Commands.Bench;

/// Resolves what a bench run needs from the stack's settings: the servers' subnet (ORDERPIPELINE_STACK_SUBNET,
/// as `stack up` uses it) and the Kafka distribution whose TopicCommand creates the per-run topics.
internal static class BenchSetup
{
    public static async Task<(BenchEnvironment Environment, TopicFactory Topics)> CreateAsync(CancellationToken cancellationToken)
    {
        var options = StackOptions.FromEnvironment();
        var environment = BenchEnvironment.Discover() with { Subnet = options.Subnet };
        var dist = await new DistributionInstaller(options.CacheDirectory, NullLogger.Instance).EnsureInstalledAsync(cancellationToken);
        var topics = new TopicFactory(environment, Prerequisites.Java(), dist.KafkaClassPath(), dist.KafkaHome);
        return (environment, topics);
    }
}
