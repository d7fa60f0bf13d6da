using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrderPipeline.Cli.Commands.Bench;

/// Options every bench command shares.
internal class BenchSettings : CommandSettings
{
    [CommandOption("--repeats <N>")]
    [Description("Runs of each timing; the median and the spread (min-max) are reported. Default 3.")]
    [DefaultValue(3)]
    public int Repeats { get; init; } = 3;

    [CommandOption("--no-write")]
    [Description("Print the tables only; do not rewrite BENCHMARKS.md (nor the chart).")]
    public bool NoWrite { get; init; }

    public override ValidationResult Validate() =>
        Repeats is < 1 or > 20 ? ValidationResult.Error("--repeats must be 1..20.") : ValidationResult.Success();
}
