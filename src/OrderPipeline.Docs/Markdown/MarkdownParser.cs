using System.Text.RegularExpressions;

namespace OrderPipeline.Docs.Markdown;

/// <summary>
/// Parses the Markdown subset of docs/deliverables: headings, paragraphs, bullet lists, fenced code, pipe
/// tables and images. Anything else is a paragraph, so a typo shows up in the document instead of vanishing.
/// </summary>
public static partial class MarkdownParser
{
    public static IReadOnlyList<MarkdownBlock> Parse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var blocks = new List<MarkdownBlock>();
        var i = 0;
        while (i < lines.Length)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                i++;
            }
            else if (trimmed.StartsWith("```", StringComparison.Ordinal))
            {
                i = ReadCode(lines, i, blocks);
            }
            else if (HeadingRegex().Match(trimmed) is { Success: true } heading)
            {
                blocks.Add(new HeadingBlock(heading.Groups["hashes"].Length, heading.Groups["text"].Value.Trim()));
                i++;
            }
            else if (trimmed.StartsWith("% ", StringComparison.Ordinal))
            {
                blocks.Add(new HeadingBlock(0, trimmed[2..].Trim()));
                i++;
            }
            else if (ImageRegex().Match(trimmed) is { Success: true } image)
            {
                blocks.Add(new ImageBlock(image.Groups["alt"].Value, image.Groups["src"].Value));
                i++;
            }
            else if (IsBullet(trimmed))
            {
                i = ReadList(lines, i, blocks);
            }
            else if (trimmed.StartsWith('|') && i + 1 < lines.Length && SeparatorRegex().IsMatch(lines[i + 1].Trim()))
            {
                i = ReadTable(lines, i, blocks);
            }
            else
            {
                i = ReadParagraph(lines, i, blocks);
            }
        }

        return blocks;
    }

    private static bool IsBullet(string trimmed) => trimmed.StartsWith("- ", StringComparison.Ordinal) || trimmed.StartsWith("* ", StringComparison.Ordinal);

    private static int ReadCode(string[] lines, int start, List<MarkdownBlock> blocks)
    {
        var language = lines[start].Trim()[3..].Trim();
        var body = new List<string>();
        var i = start + 1;
        while (i < lines.Length && !lines[i].Trim().StartsWith("```", StringComparison.Ordinal))
        {
            body.Add(lines[i]);
            i++;
        }

        if (i == lines.Length)
        {
            throw new FormatException($"Markdown line {start + 1}: the code block opened here is never closed with ```.");
        }

        blocks.Add(new CodeBlock(language, body));
        return i + 1;
    }

    private static int ReadList(string[] lines, int start, List<MarkdownBlock> blocks)
    {
        var items = new List<string>();
        var i = start;
        while (i < lines.Length)
        {
            var trimmed = lines[i].Trim();
            if (IsBullet(trimmed))
            {
                items.Add(trimmed[2..].Trim());
            }
            else if (trimmed.Length > 0 && lines[i].StartsWith("  ", StringComparison.Ordinal) && items.Count > 0)
            {
                items[^1] += " " + trimmed;
            }
            else
            {
                break;
            }

            i++;
        }

        blocks.Add(new BulletListBlock(items));
        return i;
    }

    private static int ReadTable(string[] lines, int start, List<MarkdownBlock> blocks)
    {
        var header = SplitRow(lines[start]);
        var rows = new List<IReadOnlyList<string>>();
        var i = start + 2;
        while (i < lines.Length && lines[i].Trim().StartsWith('|'))
        {
            var row = SplitRow(lines[i]);
            if (row.Count != header.Count)
            {
                throw new FormatException($"Markdown line {i + 1}: the table row has {row.Count} cells, the header {header.Count}.");
            }

            rows.Add(row);
            i++;
        }

        blocks.Add(new TableBlock(header, rows));
        return i;
    }

    private static List<string> SplitRow(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.StartsWith('|'))
        {
            trimmed = trimmed[1..];
        }

        if (trimmed.EndsWith('|'))
        {
            trimmed = trimmed[..^1];
        }

        // A pipe inside inline code (`a | b`) is escaped as \| in the source, as GitHub does.
        return [.. trimmed.Replace("\\|", "\u0001", StringComparison.Ordinal).Split('|')
            .Select(c => c.Trim().Replace('\u0001', '|'))];
    }

    private static int ReadParagraph(string[] lines, int start, List<MarkdownBlock> blocks)
    {
        var parts = new List<string>();
        var i = start;
        while (i < lines.Length)
        {
            var trimmed = lines[i].Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith("```", StringComparison.Ordinal) || HeadingRegex().IsMatch(trimmed)
                || IsBullet(trimmed) || trimmed.StartsWith('|') || ImageRegex().IsMatch(trimmed))
            {
                break;
            }

            parts.Add(trimmed);
            i++;
        }

        blocks.Add(new ParagraphBlock(string.Join(' ', parts)));
        return i;
    }

    [GeneratedRegex(@"^(?<hashes>#{1,3})\s+(?<text>.+)$")]
    private static partial Regex HeadingRegex();

    [GeneratedRegex(@"^!\[(?<alt>[^\]]*)\]\((?<src>[^)\s]+)\)$")]
    private static partial Regex ImageRegex();

    [GeneratedRegex(@"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")]
    private static partial Regex SeparatorRegex();
}
