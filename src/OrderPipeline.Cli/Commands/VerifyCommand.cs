using System.ComponentModel;
using OrderPipeline.Consumer.Cassandra;
using OrderPipeline.Consumer.Verification;
using OrderPipeline.Orders.Csv;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrderPipeline.Cli.Commands;

internal sealed class VerifySettings : PipelineConnectionSettings
{
    [CommandOption("--csv <PATH>")]
    [Description("The orders CSV that was produced (read with the same cleaning rules).")]
    public string CsvPath { get; init; } = "";

    [CommandOption("--sample <N>")]
    [Description("Rows of the sample table to print (default 10).")]
    public int Sample { get; init; } = 10;

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(CsvPath) ? ValidationResult.Error("--csv is required") : ValidationResult.Success();
}

[Description("Check at QUORUM that Cassandra holds exactly the valid orders of a CSV file.")]
internal sealed class VerifyCommand(IAnsiConsole console) : AsyncCommand<VerifySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, VerifySettings settings, CancellationToken cancellationToken)
    {
        if (!File.Exists(settings.CsvPath))
        {
            console.MarkupLineInterpolated($"[red]No such file:[/] {settings.CsvPath}");
            return ExitCodes.UserError;
        }

        await using var cassandra = await CassandraCli.TryConnectAsync(console, settings.ResolveContactPoints(), cancellationToken);
        if (cassandra is null)
        {
            return ExitCodes.Unavailable;
        }

        VerificationReport report;
        try
        {
            report = await OrderVerifier.VerifyAsync(
                settings.CsvPath, new CqlOrderTableReader(cassandra, settings.Keyspace), 10, cancellationToken);
        }
        catch (OrderCsvFormatException ex)
        {
            console.MarkupLineInterpolated($"[red]{ex.Message}[/]");
            return ExitCodes.UserError;
        }

        VerifyOutput.WriteReport(console, report);
        await VerifyOutput.WriteSampleAsync(console, cassandra, settings.Keyspace, settings.Sample, cancellationToken);
        return report.Result.AllMatch ? ExitCodes.Ok : ExitCodes.UserError;
    }
}
