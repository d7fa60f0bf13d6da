using Spectre.Console.Cli;

namespace OrderPipeline.Cli;

/// Every subcommand is registered here, one line (or branch) per area, so the tree is visible at a glance.
internal static class CommandRegistry
{
    public static void Register(IConfigurator config)
    {
        config.SetApplicationName("orderpipeline");
        config.PropagateExceptions();
        config.AddCommand<Commands.Docs.DocsCommand>("docs")
            .WithDescription("Write ecommerce.cql, CQL.docx and Pipeline_explanation.docx, generated from the project's sources.");
    }
}
