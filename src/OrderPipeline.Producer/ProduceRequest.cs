namespace OrderPipeline.Producer;

/// <summary>One produce run.</summary>
public sealed record ProduceRequest
{
    public required string CsvPath { get; init; }

    /// <summary>Orders per second to simulate real-time arrival; null = as fast as possible.</summary>
    public double? RatePerSecond { get; init; }

    /// <summary>Stop after this many orders were sent (rejected rows do not count); null = all.</summary>
    public long? Limit { get; init; }

    /// <summary>Where rejected rows go; null = <c>&lt;input&gt;.rejects.csv</c> next to the input.</summary>
    public string? RejectsPath { get; init; }

    /// <summary>Topic override; null = <c>KafkaOptions.Topic</c>.</summary>
    public string? Topic { get; init; }

    /// <summary>
    /// Benchmark hook: a file that receives "partition offset produce_ms" per delivered message (see
    /// <see cref="OrderPipeline.Kafka.MessageTimingLog"/>). Defaults to the ORDERPIPELINE_BENCH_PRODUCE_LOG
    /// environment variable; null = no log.
    /// </summary>
    public string? TimingLogPath { get; init; } = OrderPipeline.Kafka.MessageTimingLog.PathFrom(OrderPipeline.Kafka.MessageTimingLog.ProducerVariable);

    /// <summary>Called (on librdkafka's delivery thread) for each delivered message with topic and partition.</summary>
    public Action<string, int>? OnDelivered { get; init; }
}
