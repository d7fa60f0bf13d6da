using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrderPipeline.Cli.Commands.Bench;

internal sealed class BenchAllSettings : BenchSettings
{
    [CommandOption("--rows <N>")]
    [Description("Orders of the end-to-end comparison with the baseline. Default 100000.")]
    [DefaultValue(100_000)]
    public int Rows { get; init; } = 100_000;

    [CommandOption("--memory-rows <N>")]
    [Description("The large run for peak memory (flat in N is the goal). Default 1000000.")]
    [DefaultValue(1_000_000)]
    public int MemoryRows { get; init; } = 1_000_000;

    [CommandOption("--latency-seconds <S>")]
    [Description("How long each steady --rate latency run produces. Default 20.")]
    [DefaultValue(20)]
    public int LatencySeconds { get; init; } = 20;

    [CommandOption("--seed <S>")]
    [Description("Seed of the generated orders. Default 7.")]
    [DefaultValue(7)]
    public int Seed { get; init; } = 7;

    public override ValidationResult Validate() =>
        Rows < 100 || MemoryRows < Rows ? ValidationResult.Error("--rows must be >= 100 and --memory-rows >= --rows.") : base.Validate();
}
