namespace OrderPipeline.Dashboard.Query;

/// The query box accepts exactly one CQL SELECT statement. The check is lexical: it skips comments and
/// string literals so that a ';' or a keyword inside them cannot smuggle a second statement past it.
/// The server still parses the statement; its syntax errors come back as messages.
public static class SelectGuard
{
    public const int MaxLength = 10_000;

    public static GuardResult Check(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return GuardResult.Refuse("Enter a CQL SELECT statement.");
        }

        if (text.Length > MaxLength)
        {
            return GuardResult.Refuse($"The statement is longer than {MaxLength} characters.");
        }

        var lexed = Lex(text);
        if (lexed.Error is not null)
        {
            return GuardResult.Refuse(lexed.Error);
        }

        var statements = lexed.Statements.Where(s => s.FirstWord is not null).ToList();
        if (statements.Count == 0)
        {
            return GuardResult.Refuse("Enter a CQL SELECT statement.");
        }

        if (statements.Count > 1)
        {
            return GuardResult.Refuse("Only one statement at a time: remove everything after the first ';'.");
        }

        var statement = statements[0];
        if (!string.Equals(statement.FirstWord, "SELECT", StringComparison.OrdinalIgnoreCase))
        {
            return GuardResult.Refuse(
                $"Only read-only SELECT statements are allowed here; '{statement.FirstWord}' is refused.");
        }

        return GuardResult.Accept(text[statement.Start..statement.End].Trim());
    }

    private sealed record Statement(int Start, int End, string? FirstWord);

    private sealed record LexResult(List<Statement> Statements, string? Error);

    private static LexResult Lex(string text)
    {
        var statements = new List<Statement>();
        var start = 0;
        string? firstWord = null;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if ((c == '-' && next == '-') || (c == '/' && next == '/'))
            {
                var end = text.IndexOf('\n', i);
                i = end < 0 ? text.Length : end + 1;
            }
            else if (c == '/' && next == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    return new LexResult(statements, "A /* comment is not closed.");
                }

                i = end + 2;
            }
            else if (c is '\'' or '"')
            {
                var end = SkipQuoted(text, i, c);
                if (end < 0)
                {
                    return new LexResult(statements, c == '\'' ? "A string literal is not closed (missing ')." : "A quoted name is not closed (missing \").");
                }

                firstWord ??= c == '"' ? text[i..end] : "'";
                i = end;
            }
            else if (c == '$' && next == '$')
            {
                var end = text.IndexOf("$$", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    return new LexResult(statements, "A $$ string is not closed.");
                }

                firstWord ??= "$$";
                i = end + 2;
            }
            else if (c == ';')
            {
                statements.Add(new Statement(start, i, firstWord));
                firstWord = null;
                i++;
                start = i;
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var end = i;
                while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
                {
                    end++;
                }

                firstWord ??= text[i..end];
                i = end;
            }
            else
            {
                firstWord ??= c.ToString();
                i++;
            }
        }

        statements.Add(new Statement(start, text.Length, firstWord));
        return new LexResult(statements, null);
    }

    /// Returns the index just past the closing quote; a doubled quote is an escaped quote.
    private static int SkipQuoted(string text, int open, char quote)
    {
        var i = open + 1;
        while (i < text.Length)
        {
            if (text[i] == quote)
            {
                if (i + 1 < text.Length && text[i + 1] == quote)
                {
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            i++;
        }

        return -1;
    }
}

public sealed record GuardResult(bool Accepted, string? Statement, string? Error)
{
    public static GuardResult Accept(string statement) => new(true, statement, null);

    public static GuardResult Refuse(string error) => new(false, null, error);
}
