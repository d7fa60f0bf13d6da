using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace OrderPipeline.Docs.Word;

/// <summary>
/// The Word styles the generated documents use. Built-in style ids and names (Title, "heading 1", ...) with
/// outline levels give Word's navigation pane and LibreOffice's navigator a real outline.
/// </summary>
internal static class DocxStyles
{
    public const string Title = "Title";
    public const string Subtitle = "Subtitle";
    public const string Code = "Code";
    public const string CodeChar = "CodeChar";
    public const string ListBullet = "ListBullet";
    public const string Caption = "Caption";
    public const string Table = "OrderPipelineTable";
    public const string BodyFont = "Calibri";

    // Courier New exists on Windows and maps to the metric-compatible Liberation Mono on Linux, so the
    // code blocks stay monospaced wherever the document is opened.
    public const string CodeFont = "Courier New";

    public static string Heading(int level) => $"Heading{level}";

    public static Styles Create()
    {
        // Child elements are appended in the order the schema requires (OpenXmlValidator checks it).
        var styles = new Styles(DocDefaults());
        styles.Append(ParagraphStyle("Normal", "Normal", basedOn: null, isDefault: true,
            new StyleRunProperties(new RunFonts { Ascii = BodyFont, HighAnsi = BodyFont, ComplexScript = BodyFont }, new FontSize { Val = "22" }),
            new StyleParagraphProperties(new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto })));
        styles.Append(ParagraphStyle(Title, "Title", "Normal", false,
            new StyleRunProperties(new Bold(), new Color { Val = "1F3864" }, new FontSize { Val = "52" }),
            new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { After = "240" })));
        styles.Append(ParagraphStyle(Subtitle, "Subtitle", "Normal", false,
            new StyleRunProperties(new Italic(), new Color { Val = "595959" }, new FontSize { Val = "24" }),
            new StyleParagraphProperties(new SpacingBetweenLines { After = "240" })));
        styles.Append(HeadingStyle(1, size: "32", color: "1F3864", before: "360"));
        styles.Append(HeadingStyle(2, size: "26", color: "2E74B5", before: "240"));
        styles.Append(HeadingStyle(3, size: "23", color: "2E74B5", before: "200"));
        styles.Append(ParagraphStyle(Code, "Code", "Normal", false,
            new StyleRunProperties(new RunFonts { Ascii = CodeFont, HighAnsi = CodeFont, ComplexScript = CodeFont }, new FontSize { Val = "16" }),
            new StyleParagraphProperties(
                new ParagraphBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4, Space = 4, Color = "BFBFBF" },
                    new LeftBorder { Val = BorderValues.Single, Size = 4, Space = 4, Color = "BFBFBF" },
                    new BottomBorder { Val = BorderValues.Single, Size = 4, Space = 4, Color = "BFBFBF" },
                    new RightBorder { Val = BorderValues.Single, Size = 4, Space = 4, Color = "BFBFBF" }),
                new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "F2F2F2" },
                new SpacingBetweenLines { Before = "60", After = "180", Line = "240", LineRule = LineSpacingRuleValues.Auto },
                new Indentation { Left = "113", Right = "113" })));
        styles.Append(ParagraphStyle(ListBullet, "List Bullet", "Normal", false,
            new StyleRunProperties(),
            new StyleParagraphProperties(new SpacingBetweenLines { After = "60" }, new Indentation { Left = "720", Hanging = "360" })));
        styles.Append(ParagraphStyle(Caption, "caption", "Normal", false,
            new StyleRunProperties(new Italic(), new Color { Val = "404040" }, new FontSize { Val = "18" }),
            new StyleParagraphProperties(new SpacingBetweenLines { After = "240" }, new Justification { Val = JustificationValues.Center })));
        styles.Append(new Style(
            new StyleName { Val = "Code Char" },
            new StyleRunProperties(new RunFonts { Ascii = CodeFont, HighAnsi = CodeFont, ComplexScript = CodeFont }, new FontSize { Val = "18" }))
        { Type = StyleValues.Character, StyleId = CodeChar, CustomStyle = true });
        styles.Append(TableStyle());
        return styles;
    }

    private static DocDefaults DocDefaults() => new(
        new RunPropertiesDefault(new RunPropertiesBaseStyle(
            new RunFonts { Ascii = BodyFont, HighAnsi = BodyFont, EastAsia = BodyFont, ComplexScript = BodyFont },
            new FontSize { Val = "22" },
            new Languages { Val = "en-GB" })),
        new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120" })));

    private static Style HeadingStyle(int level, string size, string color, string before) =>
        ParagraphStyle(Heading(level), $"heading {level}", "Normal", false,
            new StyleRunProperties(new Bold(), new Color { Val = color }, new FontSize { Val = size }),
            new StyleParagraphProperties(
                new KeepNext(),
                new KeepLines(),
                new SpacingBetweenLines { Before = before, After = "120" },
                new OutlineLevel { Val = level - 1 }));

    private static Style ParagraphStyle(string id, string name, string? basedOn, bool isDefault,
        StyleRunProperties run, StyleParagraphProperties paragraph)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
        {
            style.Default = OnOffValue.FromBoolean(true);
        }

        // Child order is fixed by the schema: name, basedOn, next, qFormat, pPr, rPr.
        style.Append(new StyleName { Val = name });
        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
            style.Append(new NextParagraphStyle { Val = "Normal" });
        }

        style.Append(new PrimaryStyle());
        style.Append(paragraph);
        style.Append(run);
        return style;
    }

    private static Style TableStyle()
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4, Color = "8EAADB" },
            new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "8EAADB" },
            new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "8EAADB" },
            new RightBorder { Val = BorderValues.Single, Size = 4, Color = "8EAADB" },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "8EAADB" },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "8EAADB" });
        return new Style(
            new StyleName { Val = "OrderPipeline Table" },
            new StyleParagraphProperties(new SpacingBetweenLines { Before = "40", After = "40" }),
            new StyleTableProperties(border, new TableCellMarginDefault(
                new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 100, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 100, Type = TableWidthValues.Dxa })),
            new TableStyleProperties(
                new RunPropertiesBaseStyle(new Bold(), new Color { Val = "FFFFFF" }),
                new TableStyleConditionalFormattingTableCellProperties(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "2E74B5" }))
            { Type = TableStyleOverrideValues.FirstRow })
        { Type = StyleValues.Table, StyleId = Table, CustomStyle = true };
    }
}
