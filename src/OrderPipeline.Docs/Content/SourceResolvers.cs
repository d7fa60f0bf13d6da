using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using OrderPipeline.Docs.Figures;
using OrderPipeline.Orders.Schema;

namespace OrderPipeline.Docs.Content;

/// <summary>The placeholders the deliverable texts may use, each filled from a source of the project.</summary>
internal static partial class SourceResolvers
{
    public static Dictionary<string, PlaceholderExpander.Resolver> Create(EcommerceSchema schema, DocsOptions options)
    {
        // The sample is read once, and only when a text asks for one of its facts.
        var sample = new Lazy<SampleFacts>(SampleFacts.Compute);
        return new Dictionary<string, PlaceholderExpander.Resolver>(StringComparer.Ordinal)
        {
            ["schema"] = name => Fence("sql", schema.Find(Required(name, "schema")).Text),
            ["replication-factor"] = _ => schema.ReplicationFactor.ToString(CultureInfo.InvariantCulture),
            ["figure"] = name => $"![{FigureCatalog.Caption(Required(name, "figure"))}](figure:{name})",
            ["benchmarks"] = _ => Benchmarks(options.BenchmarksMarkdown, options.BenchmarksDirectory),
            ["run-output"] = _ => RunOutput(options),
            ["cleaning-counts"] = _ => sample.Value.CleaningCountsMarkdown(),
            ["json-example"] = _ => sample.Value.JsonExampleMarkdown(),
        };
    }

    internal static string Fence(string language, string text) => $"```{language}\n{text}\n```";

    private static string Required(string? argument, string name) =>
        argument ?? throw new DocsException($"The placeholder {{{{{name}:...}}}} needs an argument.");

    /// <summary>BENCHMARKS.md, its headings moved under the section that includes it.</summary>
    private static string Benchmarks(string? markdown, string? directory)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "Not yet measured: BENCHMARKS.md did not exist when this document was generated. "
                + "Run `./orderpipeline bench pipeline --rows N` and regenerate the documents to include the figures.";
        }

        var text = new StringBuilder();
        foreach (var line in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var image = ImageRegex().Match(line.Trim());
            if (image.Success && !image.Groups["src"].Value.Contains("://", StringComparison.Ordinal))
            {
                // A chart next to BENCHMARKS.md: embed the file itself.
                var path = Path.GetFullPath(Path.Combine(directory ?? ".", image.Groups["src"].Value));
                text.Append(CultureInfo.InvariantCulture, $"![{image.Groups["alt"].Value}](file:{path})\n");
                continue;
            }

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

    [GeneratedRegex(@"^!\[(?<alt>[^\]]*)\]\((?<src>[^)\s]+)\)$")]
    private static partial Regex ImageRegex();
}
