namespace OrderPipeline.Bench.Latency;

/// The environment variables that switch on the per-message measurement logs of `produce` and `consume`
/// (see <see cref="LatencyLogs"/> for the line formats). Unset, the commands write nothing extra.
public static class LatencyHook
{
    public const string ProducerLogVariable = "ORDERPIPELINE_BENCH_PRODUCE_LOG";
    public const string ConsumerLogVariable = "ORDERPIPELINE_BENCH_ACK_LOG";
}
