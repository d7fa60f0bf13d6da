using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace OrderPipeline.Docs.Tests;

/// <summary>Reads a generated .docx back with the OpenXml SDK: paragraphs with their style, text and checks.</summary>
internal sealed class DocxInspector : IDisposable
{
    private readonly MemoryStream _stream;

    public DocxInspector(byte[] docx)
    {
        _stream = new MemoryStream(docx, writable: false);
        Document = WordprocessingDocument.Open(_stream, isEditable: false);
    }

    public WordprocessingDocument Document { get; }

    public Body Body => Document.MainDocumentPart!.Document!.Body!;

    /// <summary>Every paragraph in document order as (style id or "", text with line breaks as '\n').</summary>
    public IReadOnlyList<(string Style, string Text)> Paragraphs() =>
        [.. Body.Descendants<Paragraph>().Select(p => (p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "", TextOf(p)))];

    public IReadOnlyList<string> Headings() =>
        [.. Paragraphs().Where(p => p.Style.StartsWith("Heading", StringComparison.Ordinal) || p.Style == "Title").Select(p => $"{p.Style}: {p.Text}")];

    public string AllText() => string.Join('\n', Paragraphs().Select(p => p.Text));

    public IReadOnlyList<string> Errors()
    {
        var validator = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019);
        return [.. validator.Validate(Document).Select(e => $"{e.Path?.XPath}: {e.Description}")];
    }

    /// <summary>Fails with every validation error spelled out (xunit would truncate a collection).</summary>
    public void AssertValid()
    {
        var errors = Errors();
        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    public static string TextOf(Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text t:
                    text.Append(t.Text);
                    break;
                case Break:
                    text.Append('\n');
                    break;
            }
        }

        return text.ToString();
    }

    public void Dispose()
    {
        Document.Dispose();
        _stream.Dispose();
    }
}
