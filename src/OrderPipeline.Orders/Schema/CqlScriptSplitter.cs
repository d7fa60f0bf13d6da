using System.Text;
using System.Text.RegularExpressions;

namespace OrderPipeline.Orders.Schema;

/// <summary>
/// Splits a CQL script into statements with the comment block directly above each one. Only what the schema
/// file uses is understood: "--" line comments, single-quoted strings (with '' escapes) and ";" terminators.
/// </summary>
internal static partial class CqlScriptSplitter
{
    public static (string Header, IReadOnlyList<SchemaStatement> Statements) Split(string script)
    {
        var lines = script.Split('\n');
        var statements = new List<SchemaStatement>();
        var comment = new List<string>();
        string? header = null;
        var current = new StringBuilder();
        var statementComment = "";

        foreach (var line in lines)
        {
            var trimmed = line.Trim();
            if (current.Length == 0)
            {
                if (trimmed.StartsWith("--", StringComparison.Ordinal))
                {
                    comment.Add(StripCommentMarker(trimmed));
                    continue;
                }

                if (trimmed.Length == 0)
                {
                    // A comment block separated from what follows by a blank line belongs to the file, not
                    // to a statement; only the first such block is the header.
                    if (comment.Count > 0)
                    {
                        header ??= string.Join('\n', comment);
                        comment.Clear();
                    }

                    continue;
                }

                statementComment = string.Join('\n', comment);
                comment.Clear();
            }

            if (current.Length > 0)
            {
                current.Append('\n');
            }

            current.Append(line);
            if (EndsStatement(current.ToString()))
            {
                statements.Add(Describe(statementComment, current.ToString().Trim()));
                current.Clear();
                statementComment = "";
            }
        }

        if (current.ToString().Trim().Length > 0)
        {
            throw new FormatException($"The CQL script ends inside a statement without ';': {First(current.ToString())}");
        }

        return (header ?? "", statements);
    }

    private static string StripCommentMarker(string trimmed)
    {
        var text = trimmed[2..];
        return text.StartsWith(' ') ? text[1..] : text;
    }

    /// <summary>True when the text ends (outside strings and comments) with a semicolon.</summary>
    private static bool EndsStatement(string text)
    {
        var inString = false;
        var lastSignificant = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\'')
                {
                    inString = false;
                }

                lastSignificant = c;
                continue;
            }

            if (c == '-' && i + 1 < text.Length && text[i + 1] == '-')
            {
                var end = text.IndexOf('\n', i);
                if (end < 0)
                {
                    break;
                }

                i = end;
                continue;
            }

            if (c == '\'')
            {
                inString = true;
            }

            if (!char.IsWhiteSpace(c))
            {
                lastSignificant = c;
            }
        }

        return !inString && lastSignificant == ';';
    }

    private static SchemaStatement Describe(string comment, string text)
    {
        var match = CreateRegex().Match(text);
        return match.Success
            ? new SchemaStatement(comment, text, match.Groups["kind"].Value.ToUpperInvariant(), match.Groups["name"].Value)
            : new SchemaStatement(comment, text, "", "");
    }

    private static string First(string text) => text.Trim().Split('\n')[0];

    [GeneratedRegex(@"^\s*CREATE\s+(?<kind>KEYSPACE|TABLE|TYPE|INDEX|MATERIALIZED\s+VIEW)\s+(IF\s+NOT\s+EXISTS\s+)?(?<name>[A-Za-z0-9_.""]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreateRegex();
}
