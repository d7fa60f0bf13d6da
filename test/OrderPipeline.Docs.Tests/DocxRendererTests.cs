using DocumentFormat.OpenXml.Wordprocessing;
using OrderPipeline.Docs.Markdown;
using OrderPipeline.Docs.Word;

namespace OrderPipeline.Docs.Tests;

public sealed class DocxRendererTests
{
    private static byte[] Render(string markdown)
    {
        using var stream = new MemoryStream();
        DocxRenderer.Write(stream, MarkdownParser.Parse(markdown), source => throw new InvalidOperationException($"no image {source}"));
        return stream.ToArray();
    }

    [Fact]
    public void Should_UseWordStyles_When_RenderingHeadingsAndCode()
    {
        using var docx = new DocxInspector(Render("% Doc\n# One\ntext\n## Two\n### Three\n```\n  indented;\nnext\n```\n"));

        Assert.Equal(
            [("Title", "Doc"), ("Heading1", "One"), ("", "text"), ("Heading2", "Two"), ("Heading3", "Three"), ("Code", "  indented;\nnext")],
            docx.Paragraphs());
        Assert.Equal("Doc", docx.Document.PackageProperties.Title);
        var styles = docx.Document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().ToList();
        Assert.Equal("heading 1", styles.Single(s => s.StyleId == "Heading1").StyleName!.Val);
        Assert.Equal(0, styles.Single(s => s.StyleId == "Heading1").StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        docx.AssertValid();
    }

    [Fact]
    public void Should_MarkTheHeaderRow_When_RenderingATable()
    {
        using var docx = new DocxInspector(Render("| a | b |\n|---|---|\n| **1** | `2` |\n| 3 | 4 |\n"));

        var table = Assert.Single(docx.Body.Elements<Table>());
        var rows = table.Elements<TableRow>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.NotNull(rows[0].TableRowProperties?.GetFirstChild<TableHeader>());
        Assert.Null(rows[1].TableRowProperties?.GetFirstChild<TableHeader>());
        Assert.Equal(["a", "b"], rows[0].Elements<TableCell>().Select(c => c.InnerText));
        Assert.All(rows[0].Descendants<Run>(), r => Assert.NotNull(r.RunProperties?.Bold));
        Assert.NotNull(rows[1].Descendants<Run>().First().RunProperties?.Bold);
        Assert.Equal(DocxStyles.CodeChar, rows[1].Descendants<Run>().Last().RunProperties?.RunStyle?.Val?.Value);
        Assert.True(table.GetFirstChild<TableProperties>()!.GetFirstChild<TableLook>()!.FirstRow!.Value);
        docx.AssertValid();
    }

    [Fact]
    public void Should_NumberBullets_When_RenderingAList()
    {
        using var docx = new DocxInspector(Render("- one\n- two **bold**\n"));

        var items = docx.Body.Elements<Paragraph>().ToList();
        Assert.Equal(["one", "two bold"], items.Select(p => p.InnerText));
        Assert.All(items, p => Assert.Equal(1, p.ParagraphProperties!.NumberingProperties!.NumberingId!.Val!.Value));
        Assert.NotNull(docx.Document.MainDocumentPart!.NumberingDefinitionsPart);
        docx.AssertValid();
    }

    [Fact]
    public void Should_EmbedThePng_When_RenderingAnImage()
    {
        // A 1x1 PNG: the renderer only reads the size, the image part keeps the bytes.
        byte[] png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");
        using var stream = new MemoryStream();
        DocxRenderer.Write(stream, MarkdownParser.Parse("![Tiny](figure:tiny)\n"), source => source == "figure:tiny" ? png : throw new InvalidOperationException());

        using var docx = new DocxInspector(stream.ToArray());
        var part = Assert.Single(docx.Document.MainDocumentPart!.ImageParts);
        using var data = part.GetStream();
        using var copy = new MemoryStream();
        data.CopyTo(copy);
        Assert.Equal(png, copy.ToArray());
        Assert.Equal("Tiny", docx.Paragraphs()[1].Text);
        docx.AssertValid();
    }
}
