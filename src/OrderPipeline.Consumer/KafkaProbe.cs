using Confluent.Kafka;

namespace OrderPipeline.Consumer;

/// <summary>
/// Fails fast when no broker answers: the consumer itself would retry forever and look like a hang.
/// </summary>
internal static class KafkaProbe
{
    public static void EnsureReachable(ConsumerOptions options, TimeSpan timeout)
    {
        try
        {
            using var admin = new AdminClientBuilder(KafkaConfig.ForAdmin(options))
                .SetLogHandler((_, _) => { })
                .SetErrorHandler((_, _) => { })
                .Build();
            var metadata = admin.GetMetadata(timeout);
            if (metadata.Brokers.Count == 0)
            {
                throw new InfrastructureUnavailableException(
                    $"Kafka at {options.BootstrapServers} answered without any broker; is the cluster up?");
            }
        }
        catch (KafkaException ex)
        {
            throw new InfrastructureUnavailableException(
                $"Kafka is unreachable at {options.BootstrapServers} ({ex.Error.Reason}). Start it with './orderpipeline stack up' or pass --bootstrap-servers.",
                ex);
        }
    }
}
