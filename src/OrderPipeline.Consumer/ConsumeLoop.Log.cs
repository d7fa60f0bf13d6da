using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace OrderPipeline.Consumer;

public sealed partial class ConsumeLoop
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Assigned partitions {Partitions}")]
    private partial void LogAssigned(PartitionList partitions);

    [LoggerMessage(Level = LogLevel.Information, Message = "Revoked partitions {Partitions} ({Undrained} did not drain in time)")]
    private partial void LogRevoked(PartitionList partitions, int undrained);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost partitions {Partitions}; their unfinished messages will be read again by the new owner")]
    private partial void LogLost(PartitionList partitions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Paused {Count} partitions: Cassandra is not accepting writes")]
    private partial void LogPausedForOutage(int count);

    // Every write slot busy is ordinary backpressure at full speed, not something a user must act on.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Paused {Count} partitions: all write slots are busy")]
    private partial void LogPausedForBackpressure(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Resumed {Count} partitions")]
    private partial void LogResumed(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Offset commit failed ({Code}: {Reason}); will retry")]
    private partial void LogCommitFailed(ErrorCode code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consume error {Code}: {Reason}")]
    private partial void LogConsumeError(ErrorCode code, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Kafka client error {Code}: {Reason}")]
    private partial void LogKafkaError(ErrorCode code, string reason);

    [LoggerMessage(Level = LogLevel.Trace, Message = "librdkafka {Facility}: {Message}")]
    private partial void LogLibrdkafka(string facility, string message);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Handling {Message} failed unexpectedly; stopping without committing past it")]
    private partial void LogHandlerFailed(Exception exception, TopicPartitionOffset message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shutdown: {Count} writes still unfinished; their offsets stay uncommitted")]
    private partial void LogShutdownUndrained(int count);
}
