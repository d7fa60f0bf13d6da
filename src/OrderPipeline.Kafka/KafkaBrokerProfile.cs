namespace OrderPipeline.Kafka;

/// <summary>Which broker generation the clients are configured for.</summary>
public enum KafkaBrokerProfile
{
    /// <summary>Probe the broker (ApiVersions request) and pick one of the others.</summary>
    Auto,

    /// <summary>
    /// Kafka 0.9: it predates the ApiVersions request (0.10) and closes the connection on it, so librdkafka
    /// must not send it (<c>api.version.request=false</c>) and must assume the 0.9 protocol
    /// (<c>broker.version.fallback=0.9.0.1</c>). No idempotence, no headers, no CreateTopics API.
    /// </summary>
    Legacy09,

    /// <summary>Kafka 0.10+ (features such as idempotence and headers are used when the broker has them).</summary>
    Modern,
}

/// <summary>Parsing and printing of the profile's configuration names <c>auto</c>, <c>legacy-0.9</c>, <c>modern</c>.</summary>
public static class KafkaBrokerProfiles
{
    public static string ToConfigName(this KafkaBrokerProfile profile) => profile switch
    {
        KafkaBrokerProfile.Legacy09 => "legacy-0.9",
        KafkaBrokerProfile.Modern => "modern",
        _ => "auto",
    };

    /// <exception cref="ArgumentException">Not one of auto, legacy-0.9, modern.</exception>
    public static KafkaBrokerProfile Parse(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        null or "" or "AUTO" => KafkaBrokerProfile.Auto,
        "LEGACY-0.9" or "LEGACY" or "LEGACY09" or "0.9" => KafkaBrokerProfile.Legacy09,
        "MODERN" => KafkaBrokerProfile.Modern,
        _ => throw new ArgumentException($"Unknown Kafka broker profile '{text}': use auto, legacy-0.9 or modern.", nameof(text)),
    };
}
