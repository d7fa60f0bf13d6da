using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrderPipeline.Cli.Commands.Bench;

internal sealed class BenchCqlSettings : BenchSettings
{
    [CommandOption("--rows <N>")]
    [Description("Rows inserted per measured run. Default 200000.")]
    [DefaultValue(200_000)]
    public int Rows { get; init; } = 200_000;

    [CommandOption("--concurrency <C>")]
    [Description("Inserts in flight at once (ours), threads for cassandra-stress, concurrency for the Python driver. Default 128.")]
    [DefaultValue(128)]
    public int Concurrency { get; init; } = 128;

    [CommandOption("--no-peers")]
    [Description("Measure only ours (skip the Python driver and cassandra-stress).")]
    public bool NoPeers { get; init; }

    public override ValidationResult Validate()
    {
        if (Rows < 1000)
        {
            return ValidationResult.Error("--rows must be at least 1000.");
        }

        return Concurrency is < 1 or > 4096 ? ValidationResult.Error("--concurrency must be 1..4096.") : base.Validate();
    }
}
