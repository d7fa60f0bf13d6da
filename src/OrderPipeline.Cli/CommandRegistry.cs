using Spectre.Console.Cli;

namespace OrderPipeline.Cli;

/// Every subcommand is registered here, one line (or branch) per area, so the tree is visible at a glance.
internal static class CommandRegistry
{
    public static void Register(IConfigurator config)
    {
        config.SetApplicationName("orderpipeline");
        config.PropagateExceptions();
    }
}
