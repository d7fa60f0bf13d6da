using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Drawing;
using OrderPipeline.Docs.Content;

namespace OrderPipeline.Docs.Tests;

public sealed partial class GeneratedDocumentsTests
{
    private static readonly DocsGenerator Generator = new(new DocsOptions());

    [Fact]
    public void Should_ContainEveryCreateStatementVerbatim_When_GeneratingCqlDocx()
    {
        // Given the statements as written in schema/ (read independently of the code under test)
        var file = RepositoryFiles.Read("schema/ecommerce.cql").Replace("\r\n", "\n", StringComparison.Ordinal);
        var creates = CreateStatementRegex().Matches(file).Select(m => m.Value).ToList();
        Assert.Equal(3, creates.Count);

        using var docx = new DocxInspector(Generator.Document(DeliverableTexts.Cql));

        var code = docx.Paragraphs().Where(p => p.Style == "Code").Select(p => p.Text).ToList();
        Assert.All(creates, create => Assert.Contains(code, block => block.Contains(create, StringComparison.Ordinal)));
    }

    [Fact]
    public void Should_HaveTheSectionsInOrder_When_GeneratingCqlDocx()
    {
        using var docx = new DocxInspector(Generator.Document(DeliverableTexts.Cql));

        Assert.Equal(
            [
                "Title: CQL: keyspace and tables of the order pipeline",
                "Heading1: 1. The keyspace",
                "Heading1: 2. The orders table",
                "Heading2: Partition key and clustering columns",
                "Heading2: Columns and types",
                "Heading2: The added columns OrderHour and OrderDayOfWeek",
                "Heading1: 3. The query table orders_by_day",
                "Heading1: 4. Consistency level QUORUM",
                "Heading1: 5. Verification queries",
                "Heading1: 6. Producing these files",
            ],
            docx.Headings());
    }

    [Fact]
    public void Should_ShowTheChosenReplicationFactor_When_GeneratingForThreeNodes()
    {
        var generator = new DocsGenerator(new DocsOptions { ReplicationFactor = 3 });

        using var docx = new DocxInspector(generator.Document(DeliverableTexts.Cql));

        Assert.Contains("'replication_factor': 3}", docx.AllText(), StringComparison.Ordinal);
        Assert.DoesNotContain("'replication_factor': 1}", docx.AllText(), StringComparison.Ordinal);
        Assert.Contains("'replication_factor': 3}", generator.CqlScript(), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_QuoteTheRun_When_ARunSummaryIsGiven()
    {
        var generator = new DocsGenerator(new DocsOptions { RunSummary = "expected 3133  found 3133", RunSummaryName = "verify.txt" });

        using var docx = new DocxInspector(generator.Document(DeliverableTexts.Cql));

        Assert.Contains(docx.Paragraphs(), p => p.Style == "Code" && p.Text == "expected 3133  found 3133");
        Assert.Contains("verify.txt", docx.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_BeTheSchemaFile_When_WritingEcommerceCql()
    {
        var file = RepositoryFiles.Read("schema/ecommerce.cql").Replace("\r\n", "\n", StringComparison.Ordinal);

        Assert.Equal(file, Generator.CqlScript());
    }

    [Theory]
    [InlineData(DeliverableTexts.Cql)]
    [InlineData(DeliverableTexts.Pipeline)]
    public void Should_ValidateAndLeaveNoPlaceholder_When_GeneratingADeliverable(string deliverable)
    {
        using var docx = new DocxInspector(Generator.Document(deliverable));

        docx.AssertValid();
        Assert.DoesNotContain("{{", docx.AllText(), StringComparison.Ordinal);
        Assert.DoesNotContain("}}", docx.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_EmbedTheArchitectureFigure_When_GeneratingThePipelineDocument()
    {
        using var docx = new DocxInspector(Generator.Document(DeliverableTexts.Pipeline));

        var main = docx.Document.MainDocumentPart!;
        var image = Assert.Single(main.ImageParts);
        Assert.Equal("image/png", image.ContentType);
        using (var stream = image.GetStream())
        {
            var signature = new byte[8];
            stream.ReadExactly(signature);
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, signature);
        }

        var blip = Assert.Single(docx.Body.Descendants<Blip>());
        Assert.Equal(main.GetIdOfPart(image), blip.Embed!.Value);
        Assert.Single(docx.Body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Drawing>());
    }

    [Fact]
    public void Should_WriteTheThreeFiles_When_WritingAll()
    {
        var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "op-docs-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            var paths = Generator.WriteAll(directory);

            Assert.Equal(["ecommerce.cql", "CQL.docx", "Pipeline_explanation.docx"], paths.Select(System.IO.Path.GetFileName));
            Assert.All(paths, p => Assert.True(new FileInfo(p).Length > 100, p));
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [GeneratedRegex(@"^CREATE [^;]+;", RegexOptions.Multiline)]
    private static partial Regex CreateStatementRegex();
}
