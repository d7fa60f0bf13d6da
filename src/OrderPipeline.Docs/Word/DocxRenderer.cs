using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using OrderPipeline.Docs.Markdown;

namespace OrderPipeline.Docs.Word;

/// <summary>Renders parsed Markdown blocks into a .docx with real Word styles (see <see cref="DocxStyles"/>).</summary>
public static class DocxRenderer
{
    // A4 with 2 cm margins: 11906 x 16838 twips, text width 11906 - 2 * 1134 = 9638 twips.
    private const int PageWidth = 11906;
    private const int PageHeight = 16838;
    private const int Margin = 1134;
    private const int TextWidthTwips = PageWidth - (2 * Margin);
    private const long TextWidthEmu = TextWidthTwips * 635L;
    private const int BulletNumberingId = 1;

    /// <summary>Writes <paramref name="blocks"/> as a Word document.</summary>
    /// <param name="output">Where the .docx goes (must be seekable and writable).</param>
    /// <param name="blocks">The document; a level-0 heading becomes the Title and the document's title property.</param>
    /// <param name="images">Resolves an image block's source to PNG bytes; throws when it can't.</param>
    public static void Write(Stream output, IReadOnlyList<MarkdownBlock> blocks, Func<string, byte[]> images)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(images);

        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = DocxStyles.Create();
        main.AddNewPart<NumberingDefinitionsPart>().Numbering = BulletNumbering();
        var body = new Body();
        main.Document = new Document(body);

        uint imageId = 1;
        foreach (var block in blocks)
        {
            switch (block)
            {
                case HeadingBlock { Level: 0 } title:
                    body.Append(Styled(DocxStyles.Title, title.Text));
                    document.PackageProperties.Title = title.Text;
                    break;
                case HeadingBlock heading:
                    body.Append(Styled(DocxStyles.Heading(heading.Level), heading.Text));
                    break;
                case ParagraphBlock paragraph:
                    body.Append(Styled(null, paragraph.Text));
                    break;
                case BulletListBlock list:
                    foreach (var item in list.Items)
                    {
                        body.Append(BulletItem(item));
                    }

                    break;
                case CodeBlock code:
                    body.Append(CodeParagraph(code.Lines));
                    break;
                case TableBlock table:
                    body.Append(DocxTable.Create(table, TextWidthTwips));
                    body.Append(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" })));
                    break;
                case ImageBlock image:
                    var drawing = DocxImage.Add(main, images(image.Source), image.Caption, imageId++, TextWidthEmu);
                    body.Append(new Paragraph(
                        new ParagraphProperties(new KeepNext(), new Justification { Val = JustificationValues.Center }),
                        new Run(drawing)));
                    body.Append(DocxImage.Caption(image.Caption));
                    break;
                default:
                    throw new NotSupportedException($"No renderer for {block.GetType().Name}.");
            }
        }

        body.Append(new SectionProperties(
            new PageSize { Width = PageWidth, Height = PageHeight },
            new PageMargin { Top = Margin, Bottom = Margin, Left = (uint)Margin, Right = (uint)Margin, Header = 567, Footer = 567, Gutter = 0 }));
        main.Document.Save();
    }

    /// <summary>A paragraph whose text may contain **bold** and `code` spans.</summary>
    internal static Paragraph Styled(string? styleId, string text)
    {
        var paragraph = new Paragraph();
        if (styleId is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = styleId }));
        }

        paragraph.Append(InlineRuns(text));
        return paragraph;
    }

    internal static IEnumerable<Run> InlineRuns(string text)
    {
        foreach (var span in InlineSpan.Parse(text))
        {
            var properties = new RunProperties();
            if (span.Code)
            {
                properties.Append(new RunStyle { Val = DocxStyles.CodeChar });
            }

            if (span.Bold)
            {
                properties.Append(new Bold());
            }

            var run = new Run();
            if (properties.HasChildren)
            {
                run.Append(properties);
            }

            run.Append(new Text(span.Text) { Space = SpaceProcessingModeValues.Preserve });
            yield return run;
        }
    }

    private static Paragraph BulletItem(string text)
    {
        var paragraph = new Paragraph(new ParagraphProperties(
            new ParagraphStyleId { Val = DocxStyles.ListBullet },
            new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = BulletNumberingId })));
        paragraph.Append(InlineRuns(text));
        return paragraph;
    }

    /// <summary>One paragraph per code block, lines joined by line breaks, so the block keeps its border.</summary>
    private static Paragraph CodeParagraph(IReadOnlyList<string> lines)
    {
        var run = new Run();
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }

        return new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = DocxStyles.Code }), run);
    }

    private static Numbering BulletNumbering()
    {
        var level = new Level(
            new StartNumberingValue { Val = 1 },
            new NumberingFormat { Val = NumberFormatValues.Bullet },
            new LevelText { Val = "\u2022" },
            new LevelJustification { Val = LevelJustificationValues.Left },
            new PreviousParagraphProperties(new Indentation { Left = "720", Hanging = "360" }))
        { LevelIndex = 0 };
        return new Numbering(
            new AbstractNum(new MultiLevelType { Val = MultiLevelValues.SingleLevel }, level) { AbstractNumberId = 1 },
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = BulletNumberingId });
    }
}
