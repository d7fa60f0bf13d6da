using System.Globalization;
using System.Text.Json;
using DocumentFormat.OpenXml.Wordprocessing;
using OrderPipeline.Docs.Content;

namespace OrderPipeline.Docs.Tests;

public sealed class PipelineDocumentTests
{
    private static readonly byte[] Docx = new DocsGenerator(new DocsOptions()).Document(DeliverableTexts.Pipeline);

    /// <summary>The sample read naively (its README says no field holds a comma or quote inside): an independent oracle.</summary>
    private static readonly string[][] SampleRows =
        [.. RepositoryFiles.Read("data/olist_orders_sample.csv").Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split(',').Select(f => f.Trim('"')).ToArray())];

    [Fact]
    public void Should_HaveTheSectionsTheIssueAsksFor_When_Generated()
    {
        using var docx = new DocxInspector(Docx);

        var top = docx.Headings().Where(h => h.StartsWith("Heading1", StringComparison.Ordinal) || h.StartsWith("Title", StringComparison.Ordinal));
        Assert.Equal(
            [
                "Title: Pipeline explanation: e-commerce orders from CSV through Kafka to Cassandra",
                "Heading1: 1. Workflow",
                "Heading1: 2. Input data and cleaning rules",
                "Heading1: 3. The message format",
                "Heading1: 4. Topic, partitions and key choice",
                "Heading1: 5. Enrichment",
                "Heading1: 6. Storage in Cassandra",
                "Heading1: 7. Consistency and replication",
                "Heading1: 8. Delivery guarantee",
                "Heading1: 9. The dead-letter topic",
                "Heading1: 10. How to run and verify",
                "Heading1: 11. Measured results",
                "Heading1: 12. Troubleshooting",
            ],
            top);
    }

    [Fact]
    public void Should_QuoteTheCleaningCountsOfTheSample_When_Generated()
    {
        using var docx = new DocxInspector(Docx);
        var tables = docx.Body.Elements<Table>().Select(Cells).ToList();

        // Every sample row is valid, so rows read and accepted are the data line count.
        var outcome = tables.Single(t => t[0][0] == "outcome");
        Assert.Equal(Count(SampleRows.Length), Value(outcome, "data rows read"));
        Assert.Equal(Count(SampleRows.Length), Value(outcome, "accepted (sent to Kafka)"));
        Assert.Equal("0", Value(outcome, "rejected, all reasons"));

        // Empty optional timestamps, counted on the raw columns 5 to 8.
        var missing = tables.Single(t => t[0][0] == "column" && t[0][1] == "empty in the CSV");
        string[] columns = ["order_approved_at", "order_delivered_carrier_date", "order_delivered_customer_date", "order_estimated_delivery_date"];
        for (var i = 0; i < columns.Length; i++)
        {
            var index = 4 + i;
            Assert.Equal(Count(SampleRows.Count(r => r[index].Length == 0)), Value(missing, columns[i]));
        }
    }

    [Fact]
    public void Should_ShowTheFirstSampleOrderAsJson_When_Generated()
    {
        using var docx = new DocxInspector(Docx);

        var json = docx.Paragraphs().Single(p => p.Style == "Code" && p.Text.StartsWith('{')).Text;
        using var document = JsonDocument.Parse(json);
        var first = SampleRows[0];
        string[] names =
        [
            "order_id", "customer_id", "order_status", "order_purchase_timestamp", "order_approved_at",
            "order_delivered_carrier_date", "order_delivered_customer_date", "order_estimated_delivery_date",
        ];
        Assert.Equal(names, document.RootElement.EnumerateObject().Select(p => p.Name));
        for (var i = 0; i < names.Length; i++)
        {
            Assert.Equal(first[i], document.RootElement.GetProperty(names[i]).GetString());
        }

        Assert.Contains($"Key: {first[1]}_{first[0]}", docx.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_SayNotYetMeasured_When_NoBenchmarksAreGiven()
    {
        using var docx = new DocxInspector(Docx);

        Assert.Contains("Not yet measured", docx.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_IncludeTheBenchmarkTablesUnderTheResultsSection_When_BenchmarksAreGiven()
    {
        var benchmarks = "# Benchmarks\n\n| stage | orders/s |\n|---|---:|\n| producer | 123 |\n";
        var docx = new DocsGenerator(new DocsOptions { BenchmarksMarkdown = benchmarks }).Document(DeliverableTexts.Pipeline);

        using var inspector = new DocxInspector(docx);
        Assert.DoesNotContain("Not yet measured", inspector.AllText(), StringComparison.Ordinal);
        Assert.Contains("Heading3: Benchmarks", inspector.Headings());
        var table = inspector.Body.Elements<Table>().Select(Cells).Single(t => t[0][0] == "stage");
        Assert.Equal("123", Value(table, "producer"));
        inspector.AssertValid();
    }

    [Fact]
    public void Should_EmbedAChartNextToBenchmarks_When_BenchmarksShowOne()
    {
        var directory = Path.Combine(Path.GetTempPath(), "op-docs-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var chart = OrderPipeline.Docs.Figures.ArchitectureFigure.RenderPng(DocsGenerator.FigureLabels);
            File.WriteAllBytes(Path.Combine(directory, "chart.png"), chart);
            var options = new DocsOptions { BenchmarksMarkdown = "# Benchmarks\n\n![Throughput](chart.png)\n", BenchmarksDirectory = directory };

            using var docx = new DocxInspector(new DocsGenerator(options).Document(DeliverableTexts.Pipeline));

            Assert.Equal(2, docx.Document.MainDocumentPart!.ImageParts.Count());
            Assert.Contains(docx.Paragraphs(), p => p.Style == "Caption" && p.Text == "Throughput");
            docx.AssertValid();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Should_Fail_When_BenchmarksShowAMissingImage()
    {
        var options = new DocsOptions { BenchmarksMarkdown = "![Throughput](missing.png)\n", BenchmarksDirectory = Path.GetTempPath() };

        var error = Assert.Throws<DocsException>(() => new DocsGenerator(options).Document(DeliverableTexts.Pipeline));
        Assert.Contains("missing.png", error.Message, StringComparison.Ordinal);
    }

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Value(List<string[]> table, string label) => table.Single(r => r[0] == label)[1];

    private static List<string[]> Cells(Table table) =>
        [.. table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToArray())];
}
