namespace OrderPipeline.Docs.Content;

/// <summary>The Markdown sources of the deliverables (docs/deliverables/*.md, embedded at build time).</summary>
public static class DeliverableTexts
{
    public const string Cql = "cql.md";
    public const string Pipeline = "pipeline.md";

    public static string Load(string name)
    {
        var resource = $"OrderPipeline.Docs.Deliverables.{name}";
        using var stream = typeof(DeliverableTexts).Assembly.GetManifestResourceStream(resource)
            ?? throw new DocsException($"The deliverable text '{name}' is not embedded in the build (docs/deliverables/{name}).");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
