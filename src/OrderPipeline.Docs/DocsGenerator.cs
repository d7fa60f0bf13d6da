using OrderPipeline.Docs.Content;
using OrderPipeline.Docs.Figures;
using OrderPipeline.Docs.Markdown;
using OrderPipeline.Docs.Word;
using OrderPipeline.Orders.Schema;

namespace OrderPipeline.Docs;

/// <summary>
/// Builds the three deliverables from the project's sources: ecommerce.cql (the DDL `schema apply` runs),
/// CQL.docx and Pipeline_explanation.docx (docs/deliverables/*.md with their placeholders filled).
/// </summary>
public sealed class DocsGenerator
{
    public const string CqlFileName = "ecommerce.cql";
    public const string CqlDocxFileName = "CQL.docx";
    public const string PipelineDocxFileName = "Pipeline_explanation.docx";

    private readonly DocsOptions _options;
    private readonly EcommerceSchema _schema;
    private readonly Dictionary<string, PlaceholderExpander.Resolver> _resolvers;

    public DocsGenerator(DocsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _schema = EcommerceSchema.Load().WithReplicationFactor(options.ReplicationFactor);
        _resolvers = SourceResolvers.Create(_schema, options);
    }

    /// <summary>The schema as the documents show it (with the chosen replication factor).</summary>
    public EcommerceSchema Schema => _schema;

    /// <summary>The names shown in the architecture figure.</summary>
    public static ArchitectureFigure.Labels FigureLabels { get; } =
        new("ecommerce-orders", 3, "ecommerce-orders-dlq", "ecommerce.orders", "ecommerce-group");

    /// <summary>Writes the three files into <paramref name="directory"/> (created if needed) and returns their paths.</summary>
    public IReadOnlyList<string> WriteAll(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);

        // Everything is built in memory first, so a placeholder error leaves no half-written set behind.
        var cql = CqlScript();
        var cqlDocx = Document(DeliverableTexts.Cql);
        var pipelineDocx = Document(DeliverableTexts.Pipeline);

        Directory.CreateDirectory(directory);
        var paths = new[]
        {
            Path.Combine(directory, CqlFileName),
            Path.Combine(directory, CqlDocxFileName),
            Path.Combine(directory, PipelineDocxFileName),
        };
        File.WriteAllText(paths[0], cql);
        File.WriteAllBytes(paths[1], cqlDocx);
        File.WriteAllBytes(paths[2], pipelineDocx);
        return paths;
    }

    /// <summary>The DDL exactly as `schema apply` runs it, with the file's comments.</summary>
    public string CqlScript() => _schema.Script;

    /// <summary>One deliverable (<see cref="DeliverableTexts.Cql"/> or <see cref="DeliverableTexts.Pipeline"/>) as .docx bytes.</summary>
    public byte[] Document(string deliverable) => Render(DeliverableTexts.Load(deliverable), deliverable);

    /// <summary>Renders any Markdown text with this generator's placeholders (used by tests on small inputs).</summary>
    public byte[] Render(string markdown, string documentName)
    {
        var expanded = PlaceholderExpander.Expand(markdown, documentName, _resolvers);
        IReadOnlyList<MarkdownBlock> blocks;
        try
        {
            blocks = MarkdownParser.Parse(expanded);
        }
        catch (FormatException ex)
        {
            throw new DocsException($"{documentName}: {ex.Message}", ex);
        }

        using var stream = new MemoryStream();
        DocxRenderer.Write(stream, blocks, ImageSource);
        return stream.ToArray();
    }

    private static byte[] ImageSource(string source) =>
        source.StartsWith("figure:", StringComparison.Ordinal)
            ? FigureCatalog.Render(source["figure:".Length..], FigureLabels)
            : throw new DocsException($"Image '{source}' is not a generated figure; only figure:NAME images are supported.");
}
