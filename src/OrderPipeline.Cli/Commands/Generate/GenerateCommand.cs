using System.ComponentModel;
using System.Diagnostics;
using OrderPipeline.Orders.Generation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrderPipeline.Cli.Commands.Generate;

internal sealed class GenerateSettings : CommandSettings
{
    [CommandOption("--rows <N>")]
    [Description("Number of orders to write.")]
    public long Rows { get; init; } = 100_000;

    [CommandOption("--seed <S>")]
    [Description("Random seed: the same seed gives the same file.")]
    public int Seed { get; init; } = 1;

    [CommandOption("--out <FILE>")]
    [Description("Output CSV file (overwritten).")]
    public string? Out { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("--out FILE is required.")
        : Rows < 0 ? ValidationResult.Error("--rows must not be negative.")
        : ValidationResult.Success();
}

/// <summary>`orderpipeline generate --rows N --seed S --out FILE`: synthetic orders in the dataset's exact format.</summary>
internal sealed class GenerateCommand(IAnsiConsole console) : Command<GenerateSettings>
{
    private const int Ok = 0;
    private const int UserError = 1;
    private const int Cancelled = 130;

    public override int Execute(CommandContext context, GenerateSettings settings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            if (console.Profile.Capabilities.Interactive)
            {
                console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .Start(ctx =>
                    {
                        var task = ctx.AddTask($"generating {settings.Rows:N0} orders", maxValue: Math.Max(1, settings.Rows));
                        OrderGenerator.WriteFile(settings.Out!, settings.Rows, settings.Seed,
                            new InlineProgress(rows => task.Value = rows), cancellationToken);
                    });
            }
            else
            {
                OrderGenerator.WriteFile(settings.Out!, settings.Rows, settings.Seed, null, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            console.MarkupLine("[yellow]generate: cancelled; the output file is incomplete.[/]");
            return Cancelled;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            console.MarkupLineInterpolated($"[red]generate: cannot write {settings.Out}: {ex.Message}[/]");
            return UserError;
        }

        var size = new FileInfo(settings.Out!).Length;
        console.MarkupLineInterpolated(
            $"wrote [green]{settings.Out}[/]: {settings.Rows:N0} orders, {size:N0} bytes, seed {settings.Seed}, in {clock.Elapsed.TotalSeconds:N2} s");
        return Ok;
    }

    /// <summary>Synchronous progress (System.Progress would post to the thread pool and lag behind).</summary>
    private sealed class InlineProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
