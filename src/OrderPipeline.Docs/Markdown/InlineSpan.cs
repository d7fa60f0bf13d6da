using System.Text;

namespace OrderPipeline.Docs.Markdown;

/// <summary>A run of inline text with its emphasis: plain, **bold** or `code`.</summary>
public sealed record InlineSpan(string Text, bool Bold, bool Code)
{
    /// <summary>
    /// Splits text into spans. `code` is taken literally (no bold inside); ** toggles bold. An unclosed
    /// marker is an error so a typo can't silently embolden the rest of a paragraph.
    /// </summary>
    public static IReadOnlyList<InlineSpan> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spans = new List<InlineSpan>();
        var current = new StringBuilder();
        var bold = false;
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '`')
            {
                var end = text.IndexOf('`', i + 1);
                if (end < 0)
                {
                    throw new FormatException($"Unclosed ` in: {text}");
                }

                Flush(spans, current, bold);
                spans.Add(new InlineSpan(text[(i + 1)..end], bold, Code: true));
                i = end + 1;
            }
            else if (text[i] == '*' && i + 1 < text.Length && text[i + 1] == '*')
            {
                Flush(spans, current, bold);
                bold = !bold;
                i += 2;
            }
            else
            {
                current.Append(text[i]);
                i++;
            }
        }

        if (bold)
        {
            throw new FormatException($"Unclosed ** in: {text}");
        }

        Flush(spans, current, bold);
        return spans;
    }

    private static void Flush(List<InlineSpan> spans, StringBuilder current, bool bold)
    {
        if (current.Length > 0)
        {
            spans.Add(new InlineSpan(current.ToString(), bold, Code: false));
            current.Clear();
        }
    }
}
