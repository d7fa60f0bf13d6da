using OrderPipeline.Docs.Markdown;

namespace OrderPipeline.Docs.Tests;

public sealed class MarkdownParserTests
{
    [Fact]
    public void Should_ReadEachBlockKind_When_ParsingASmallDocument()
    {
        var markdown = """
            % The title
            # One
            First line
            second line.

            - item **a**
              continued
            - item b

            ```sql
            CREATE TABLE t (
              a int PRIMARY KEY
            );
            ```

            | name | value |
            |---|---:|
            | `a \| b` | 1 |

            ![A caption](figure:architecture)
            ### Three
            """;

        var blocks = MarkdownParser.Parse(markdown);

        Assert.Collection(
            blocks,
            b => Assert.Equal(new HeadingBlock(0, "The title"), b),
            b => Assert.Equal(new HeadingBlock(1, "One"), b),
            b => Assert.Equal(new ParagraphBlock("First line second line."), b),
            b => Assert.Equal(["item **a** continued", "item b"], Assert.IsType<BulletListBlock>(b).Items),
            b =>
            {
                var code = Assert.IsType<CodeBlock>(b);
                Assert.Equal("sql", code.Language);
                Assert.Equal(["CREATE TABLE t (", "  a int PRIMARY KEY", ");"], code.Lines);
            },
            b =>
            {
                var table = Assert.IsType<TableBlock>(b);
                Assert.Equal(["name", "value"], table.Header);
                Assert.Equal(["`a | b`", "1"], Assert.Single(table.Rows));
            },
            b => Assert.Equal(new ImageBlock("A caption", "figure:architecture"), b),
            b => Assert.Equal(new HeadingBlock(3, "Three"), b));
    }

    [Fact]
    public void Should_Throw_When_ACodeBlockIsNeverClosed()
    {
        var error = Assert.Throws<FormatException>(() => MarkdownParser.Parse("text\n\n```sql\nSELECT 1;\n"));
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Throw_When_ATableRowHasTheWrongNumberOfCells()
    {
        Assert.Throws<FormatException>(() => MarkdownParser.Parse("| a | b |\n|---|---|\n| 1 |\n"));
    }

    [Fact]
    public void Should_SplitBoldAndCode_When_ParsingInlineText()
    {
        var spans = InlineSpan.Parse("plain **bold `code` more** end");

        Assert.Equal(
            [new("plain ", false, false), new("bold ", true, false), new("code", true, true), new(" more", true, false), new(" end", false, false)],
            spans);
    }

    [Theory]
    [InlineData("an **unclosed bold")]
    [InlineData("an `unclosed code")]
    public void Should_Throw_When_AnInlineMarkerIsNotClosed(string text)
    {
        Assert.Throws<FormatException>(() => InlineSpan.Parse(text));
    }
}
