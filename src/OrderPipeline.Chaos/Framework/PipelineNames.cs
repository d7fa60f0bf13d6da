namespace OrderPipeline.Chaos.Framework;

/// The fresh topic, dead-letter topic, consumer group and keyspace of one scenario run, so no scenario reads
/// another's messages or rows.
public sealed record PipelineNames(string Topic, string DeadLetterTopic, string Group, string Keyspace)
{
    /// Names from a scenario number and a short run id, e.g. chaos-1-0115a3-orders / chaos_1_0115a3.
    public static PipelineNames For(int scenario, string purpose, string runId)
    {
        var stem = $"chaos-{scenario}-{runId}-{purpose}";
        return new PipelineNames(
            stem + "-orders",
            stem + "-dlq",
            stem + "-group",
            // Keyspace names allow letters, digits and underscores only, at most 48 characters.
            stem.Replace('-', '_'));
    }
}
