using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrderPipeline.Cli.Commands.Bench;

internal sealed class BenchPipelineSettings : BenchSettings
{
    [CommandOption("--rows <N>")]
    [Description("Generated orders per run. Default 100000.")]
    [DefaultValue(100_000)]
    public int Rows { get; init; } = 100_000;

    [CommandOption("--seed <S>")]
    [Description("Seed of the generated orders. Default 7.")]
    [DefaultValue(7)]
    public int Seed { get; init; } = 7;

    public override ValidationResult Validate() =>
        Rows < 100 ? ValidationResult.Error("--rows must be at least 100.") : base.Validate();
}
