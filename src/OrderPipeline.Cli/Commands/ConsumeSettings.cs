using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrderPipeline.Cli.Commands;

internal sealed class ConsumeSettings : PipelineConnectionSettings
{
    [CommandOption("--group <ID>")]
    [Description("Consumer group (default ecommerce-group); a new group starts at the earliest offset.")]
    public string Group { get; init; } = "ecommerce-group";

    [CommandOption("--dlq-topic <NAME>")]
    [Description("Dead-letter topic (default ecommerce-orders-dlq).")]
    public string DeadLetterTopic { get; init; } = "ecommerce-orders-dlq";

    [CommandOption("--until-idle <SECONDS>")]
    [Description("Stop once no message arrived for this many seconds (counted from the last message or partition assignment) and every write finished.")]
    public double? UntilIdle { get; init; }

    [CommandOption("--max-messages <N>")]
    [Description("Stop after N messages were consumed and handled.")]
    public long? MaxMessages { get; init; }

    [CommandOption("--max-in-flight <N>")]
    [Description("Orders written to Cassandra concurrently (default 256).")]
    public int MaxInFlight { get; init; } = 256;

    [CommandOption("--contact-points-only")]
    [Description("Connect only to the --contact-points, not to the other nodes they list (e.g. Cassandra behind a proxy).")]
    public bool ContactPointsOnly { get; init; }

    [CommandOption("-v|--verbose")]
    [Description("Print every order received and stored.")]
    public bool Verbose { get; init; }

    public override ValidationResult Validate()
    {
        if (UntilIdle is <= 0)
        {
            return ValidationResult.Error("--until-idle must be positive");
        }

        if (MaxMessages is < 1)
        {
            return ValidationResult.Error("--max-messages must be at least 1");
        }

        return MaxInFlight < 1 ? ValidationResult.Error("--max-in-flight must be at least 1") : ValidationResult.Success();
    }
}
