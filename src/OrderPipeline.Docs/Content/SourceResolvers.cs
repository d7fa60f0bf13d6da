using System.Globalization;
using System.Text;
using OrderPipeline.Docs.Figures;
using OrderPipeline.Orders.Schema;

namespace OrderPipeline.Docs.Content;

/// <summary>The placeholders the deliverable texts may use, each filled from a source of the project.</summary>
internal static class SourceResolvers
{
    public static Dictionary<string, PlaceholderExpander.Resolver> Create(EcommerceSchema schema, DocsOptions options)
    {
        return new Dictionary<string, PlaceholderExpander.Resolver>(StringComparer.Ordinal)
        {
            ["schema"] = name => Fence("sql", schema.Find(Required(name, "schema")).Text),
            ["schema-comment"] = name => schema.Find(Required(name, "schema-comment")).Comment.Replace('\n', ' '),
            ["schema-header"] = _ => schema.Header.Replace('\n', ' '),
            ["replication-factor"] = _ => schema.ReplicationFactor.ToString(CultureInfo.InvariantCulture),
            ["figure"] = name => $"![{FigureCatalog.Caption(Required(name, "figure"))}](figure:{name})",
            ["benchmarks"] = _ => Benchmarks(options.BenchmarksMarkdown),
            ["run-output"] = _ => RunOutput(options),
        };
    }

    internal static string Fence(string language, string text) => $"```{language}\n{text}\n```";

    private static string Required(string? argument, string name) =>
        argument ?? throw new DocsException($"The placeholder {{{{{name}:...}}}} needs an argument.");

    /// <summary>BENCHMARKS.md, its headings moved under the section that includes it.</summary>
    private static string Benchmarks(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "Not yet measured: BENCHMARKS.md did not exist when this document was generated. "
                + "Run `./orderpipeline bench pipeline --rows N` and regenerate the documents to include the figures.";
        }

        var text = new StringBuilder();
        foreach (var line in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            text.Append(line.StartsWith('#') ? "### " + line.TrimStart('#').Trim() : line).Append('\n');
        }

        return "The figures below are copied from BENCHMARKS.md at the root of the repository.\n\n" + text;
    }

    private static string RunOutput(DocsOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.RunSummary))
        {
            return "No run output was supplied when this document was generated, so none is shown here. "
                + "Run `./orderpipeline demo` (or `./orderpipeline verify --csv data/olist_orders_sample.csv` after a run) "
                + "and regenerate with `./orderpipeline docs --out out --run-summary FILE` to include it.";
        }

        return $"Output of a real run ({options.RunSummaryName ?? "run summary"}):\n\n" + Fence("text", options.RunSummary.TrimEnd());
    }
}
