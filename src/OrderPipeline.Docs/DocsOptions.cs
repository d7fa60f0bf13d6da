using OrderPipeline.Orders.Schema;

namespace OrderPipeline.Docs;

/// <summary>What the generated documents are built from, besides the embedded schema, texts and sample.</summary>
public sealed class DocsOptions
{
    /// <summary>The keyspace's replication factor written into ecommerce.cql and CQL.docx.</summary>
    public int ReplicationFactor { get; init; } = EcommerceSchema.DefaultReplicationFactor;

    /// <summary>The text of BENCHMARKS.md, or null when no figures have been measured yet.</summary>
    public string? BenchmarksMarkdown { get; init; }

    /// <summary>The captured output of a real run (demo or verify), or null when none was given.</summary>
    public string? RunSummary { get; init; }

    /// <summary>Where <see cref="RunSummary"/> came from, named in the documents.</summary>
    public string? RunSummaryName { get; init; }
}
