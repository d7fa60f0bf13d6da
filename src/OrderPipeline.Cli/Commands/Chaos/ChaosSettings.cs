using System.ComponentModel;
using OrderPipeline.Chaos.Framework;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrderPipeline.Cli.Commands.Chaos;

internal sealed class ChaosSettings : CommandSettings
{
    [CommandOption("--scenario <NAME>")]
    [Description("all (default), fast (the single-node ones CI runs), or numbers/names, comma-separated (e.g. 1,poison-messages).")]
    public string Scenario { get; init; } = "all";

    [CommandOption("--rows <N>")]
    [Description("Orders per generated input (default 5000).")]
    public int Rows { get; init; } = ChaosOptions.DefaultRows;

    [CommandOption("--subnet <PREFIX>")]
    [Description("Loopback /24 for the chaos stacks (default 127.0.90), so the default stack is never touched.")]
    public string Subnet { get; init; } = ChaosOptions.DefaultSubnet;

    [CommandOption("--list")]
    [Description("List the scenarios and exit.")]
    public bool List { get; init; }

    public override ValidationResult Validate() =>
        Rows < 100 ? ValidationResult.Error("--rows must be at least 100 (the kills land at fractions of the input).") : ValidationResult.Success();
}
