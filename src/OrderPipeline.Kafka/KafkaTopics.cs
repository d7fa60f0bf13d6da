using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace OrderPipeline.Kafka;

/// <summary>Makes sure a topic exists before producing or consuming.</summary>
public static class KafkaTopics
{
    /// <summary>
    /// Modern brokers: creates the topic with the AdminClient (an existing topic is fine). Kafka 0.9 has no
    /// CreateTopics API: a metadata request for the topic makes the broker auto-create it (with its
    /// <c>num.partitions</c>), which is what the local stack is configured for. Returns the partition count.
    /// </summary>
    /// <exception cref="KafkaUnavailableException">No broker answered within the connect timeout.</exception>
    /// <exception cref="InvalidOperationException">The topic does not exist and could not be created.</exception>
    public static async Task<int> EnsureAsync(
        KafkaOptions options, BrokerCapabilities capabilities, string topic, int partitions, short replicationFactor,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(capabilities);
        using var admin = new AdminClientBuilder(KafkaClientConfigs.Admin(options, capabilities))
            .SetLogHandler((_, _) => { })
            .Build();
        return await EnsureAsync(admin, options, capabilities, topic, partitions, replicationFactor, cancellationToken);
    }

    /// <summary>
    /// The same through an existing client's connections (e.g. a producer's, with
    /// <see cref="DependentAdminClientBuilder"/>), which saves a client start-up and a broker connection.
    /// </summary>
    public static async Task<int> EnsureAsync(
        IAdminClient admin, KafkaOptions options, BrokerCapabilities capabilities, string topic, int partitions, short replicationFactor,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(capabilities);
        if (capabilities.SupportsCreateTopics)
        {
            try
            {
                await admin.CreateTopicsAsync(
                    [new TopicSpecification { Name = topic, NumPartitions = partitions, ReplicationFactor = replicationFactor }],
                    new CreateTopicsOptions { RequestTimeout = options.ConnectTimeout, OperationTimeout = options.ConnectTimeout });
            }
            catch (CreateTopicsException ex) when (ex.Results.All(r => r.Error.Code == ErrorCode.TopicAlreadyExists))
            {
                // Already there: nothing to do.
            }
            catch (KafkaException ex) when (IsUnreachable(ex.Error.Code))
            {
                throw new KafkaUnavailableException($"Kafka at {options.BootstrapServers} did not answer: {ex.Error.Reason}", ex);
            }
        }

        return await WaitForPartitionsAsync(admin, options, topic, cancellationToken);
    }

    /// <summary>Deletes a topic (modern brokers only; used by tests and benchmarks to clean up).</summary>
    public static async Task<bool> TryDeleteAsync(KafkaOptions options, BrokerCapabilities capabilities, string topic)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        if (!capabilities.SupportsCreateTopics)
        {
            return false;
        }

        using var admin = new AdminClientBuilder(KafkaClientConfigs.Admin(options, capabilities)).Build();
        try
        {
            await admin.DeleteTopicsAsync([topic]);
            return true;
        }
        catch (DeleteTopicsException)
        {
            return false;
        }
    }

    private static async Task<int> WaitForPartitionsAsync(IAdminClient admin, KafkaOptions options, string topic, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + options.ConnectTimeout;
        var last = "no metadata";
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                // Each attempt is cut to the time left, so the whole wait never exceeds the connect timeout by much.
                var left = deadline - DateTime.UtcNow;
                var attempt = TimeSpan.FromSeconds(Math.Clamp(left.TotalSeconds, 0.5, 3));
                var metadata = admin.GetMetadata(topic, attempt);
                var t = metadata.Topics.FirstOrDefault(x => x.Topic == topic);
                if (t is not null && t.Error.Code == ErrorCode.NoError && t.Partitions.Count > 0 &&
                    t.Partitions.All(p => p.Leader >= 0))
                {
                    return t.Partitions.Count;
                }

                last = t is null ? "topic absent from metadata" : $"{t.Error.Code} ({t.Partitions.Count} partitions)";
                if (metadata.Brokers.Count == 0)
                {
                    last = "no brokers in metadata";
                }
            }
            catch (KafkaException ex)
            {
                if (IsUnreachable(ex.Error.Code) && DateTime.UtcNow >= deadline)
                {
                    throw new KafkaUnavailableException($"Kafka at {options.BootstrapServers} did not answer a metadata request: {ex.Error.Reason}", ex);
                }

                last = ex.Error.Reason;
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new InvalidOperationException(
                    $"Topic '{topic}' is not available on {options.BootstrapServers} ({last}). On Kafka 0.9 create it with " +
                    $"kafka-topics.sh --create --topic {topic} --partitions {options.TopicPartitions} or enable auto.create.topics.enable.");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    private static bool IsUnreachable(ErrorCode code) =>
        code is ErrorCode.Local_Transport or ErrorCode.Local_AllBrokersDown or ErrorCode.Local_TimedOut or ErrorCode.RequestTimedOut;
}
