namespace OrderPipeline.Cli.Commands;

/// <summary>The CLI's exit codes (docs/architecture.md).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int UserError = 1;
    public const int Unavailable = 2;
    public const int Cancelled = 130;
}
