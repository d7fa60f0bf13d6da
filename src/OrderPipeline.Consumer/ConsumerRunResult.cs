namespace OrderPipeline.Consumer;

public enum ConsumerRunOutcome
{
    /// <summary>Stopped by --until-idle or --max-messages with every consumed message handled.</summary>
    Completed,

    /// <summary>Stopped by the host (Ctrl+C / SIGTERM); in-flight writes were finished and committed.</summary>
    Stopped,

    /// <summary>Kafka or Cassandra could not be reached at start.</summary>
    Unavailable,

    /// <summary>A message could not be handled at all (a bug), or Kafka reported a fatal error.</summary>
    Failed,
}

/// <param name="UnfinishedWrites">Messages whose writes were still retrying when shutdown gave up on them;
/// their offsets were not committed, so the next run reads them again.</param>
public sealed record ConsumerRunResult(ConsumerRunOutcome Outcome, int UnfinishedWrites, string? Error)
{
    public int ExitCode => Outcome switch
    {
        ConsumerRunOutcome.Completed or ConsumerRunOutcome.Stopped => UnfinishedWrites == 0 ? 0 : 2,
        ConsumerRunOutcome.Unavailable => 2,
        _ => 1,
    };
}

/// <summary>Carries the run's result from the background worker out of the host to the command.</summary>
public sealed class ConsumerRunResultHolder
{
    public ConsumerRunResult? Result { get; set; }
}

/// <summary>Kafka or Cassandra is not reachable; the message says which and where.</summary>
public sealed class InfrastructureUnavailableException : Exception
{
    public InfrastructureUnavailableException()
    {
    }

    public InfrastructureUnavailableException(string message)
        : base(message)
    {
    }

    public InfrastructureUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
