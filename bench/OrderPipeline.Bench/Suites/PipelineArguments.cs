using System.Globalization;

namespace OrderPipeline.Bench.Suites;

/// The command lines of our `produce` and `consume` as the benchmarks run them (one place to keep in step
/// with the commands' flags).
public static class PipelineArguments
{
    public static string[] Produce(string csv, string topic, int? rate = null) => rate is { } r
        ? ["produce", "--csv", csv, "--topic", topic, "--rate", r.ToString(CultureInfo.InvariantCulture)]
        : ["produce", "--csv", csv, "--topic", topic];

    public static string[] Consume(string topic, string group, long maxMessages, double untilIdleSeconds = 30) =>
    [
        "consume", "--topic", topic, "--group", group,
        "--max-messages", maxMessages.ToString(CultureInfo.InvariantCulture),
        "--until-idle", untilIdleSeconds.ToString(CultureInfo.InvariantCulture),
    ];

    public static string[] ConsumeUntilIdle(string topic, string group, double untilIdleSeconds) =>
    [
        "consume", "--topic", topic, "--group", group,
        "--until-idle", untilIdleSeconds.ToString(CultureInfo.InvariantCulture),
    ];
}
