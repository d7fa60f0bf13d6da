namespace OrderPipeline.Kafka;

/// <summary>No broker answered within the configured time. Callers map it to exit code 2.</summary>
public sealed class KafkaUnavailableException : Exception
{
    public KafkaUnavailableException()
    {
    }

    public KafkaUnavailableException(string message)
        : base(message)
    {
    }

    public KafkaUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
