using OrderPipeline.Docs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrderPipeline.Cli.Commands.Docs;

/// <summary>`orderpipeline docs --out DIR`: writes ecommerce.cql, CQL.docx and Pipeline_explanation.docx.</summary>
internal sealed class DocsCommand(IAnsiConsole console) : Command<DocsSettings>
{
    public const string BenchmarksFileName = "BENCHMARKS.md";

    // The CLI's exit codes (docs/architecture.md): 0 ok, 1 user or input error.
    private const int Ok = 0;
    private const int UserError = 1;

    public override int Execute(CommandContext context, DocsSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Problem() is { } problem)
        {
            console.MarkupLineInterpolated($"[red]docs: {problem}[/]");
            return UserError;
        }

        var benchmarks = settings.Benchmarks ?? RepositoryRoot.Find(BenchmarksFileName);
        var options = new DocsOptions
        {
            ReplicationFactor = settings.ReplicationFactor,
            BenchmarksMarkdown = benchmarks is null ? null : File.ReadAllText(benchmarks),
            RunSummary = settings.RunSummary is null ? null : File.ReadAllText(settings.RunSummary),
            RunSummaryName = settings.RunSummary is null ? null : Path.GetFileName(settings.RunSummary),
        };

        IReadOnlyList<string> written;
        try
        {
            written = new DocsGenerator(options).WriteAll(settings.Out);
        }
        catch (DocsException ex)
        {
            console.MarkupLineInterpolated($"[red]docs: {ex.Message}[/]");
            return UserError;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            console.MarkupLineInterpolated($"[red]docs: cannot write to {settings.Out}: {ex.Message}[/]");
            return UserError;
        }

        foreach (var path in written)
        {
            console.MarkupLineInterpolated($"wrote [green]{path}[/] ({new FileInfo(path).Length:N0} bytes)");
        }

        console.MarkupLineInterpolated($"replication factor {settings.ReplicationFactor}; measured results: {(benchmarks is null ? "not yet measured (no BENCHMARKS.md)" : benchmarks)}; run output: {settings.RunSummary ?? "none given"}");
        return Ok;
    }
}
