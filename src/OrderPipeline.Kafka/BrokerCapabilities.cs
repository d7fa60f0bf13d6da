namespace OrderPipeline.Kafka;

/// <summary>What the connected brokers support, resolved from the profile or by probing.</summary>
/// <param name="Profile">Legacy09 or Modern (never Auto).</param>
/// <param name="SupportsIdempotence">InitProducerId (Kafka 0.11+): <c>enable.idempotence=true</c> is used.</param>
/// <param name="SupportsHeaders">Produce v3 / record batches (Kafka 0.11+): record headers can be written.</param>
/// <param name="SupportsCreateTopics">CreateTopics (Kafka 0.10.1+): topics are created with the AdminClient.</param>
/// <param name="Source">How this was decided, for logs and the CLI (e.g. "probed 127.0.0.1:9092").</param>
public sealed record BrokerCapabilities(
    KafkaBrokerProfile Profile,
    bool SupportsIdempotence,
    bool SupportsHeaders,
    bool SupportsCreateTopics,
    string Source)
{
    public static BrokerCapabilities Legacy09(string source) => new(KafkaBrokerProfile.Legacy09, false, false, false, source);

    /// <summary>A modern broker of unknown exact version: assumes 0.11+ features (the usual case today).</summary>
    public static BrokerCapabilities ModernAssumed(string source) => new(KafkaBrokerProfile.Modern, true, true, true, source);

    public override string ToString() =>
        $"{Profile.ToConfigName()} (idempotence {(SupportsIdempotence ? "on" : "off")}, headers {(SupportsHeaders ? "yes" : "no")}, " +
        $"CreateTopics {(SupportsCreateTopics ? "yes" : "no")}; {Source})";
}
