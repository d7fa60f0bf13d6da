namespace OrderPipeline.Cql.Statements;

/// <summary>One statement of a CQL script, with the 1-based line it starts on (for error messages).</summary>
internal readonly record struct CqlScriptStatement(string Text, int Line);

/// <summary>
/// Splits a CQL script into statements at each <c>;</c> that is outside a string literal (<c>'...'</c> with
/// <c>''</c> as an escaped quote, or <c>$$...$$</c>), a quoted identifier (<c>"..."</c> with <c>""</c>), a line
/// comment (<c>--</c> or <c>//</c> to the end of the line) and a block comment (<c>/* ... */</c>, not nested,
/// as in Cassandra's lexer).
/// </summary>
/// <remarks>
/// Statements are returned verbatim except that comments and whitespace before their first and after their
/// last significant character are dropped; comments inside a statement stay (the server ignores them).
/// Segments holding only comments or whitespace yield no statement. The last statement needs no <c>;</c>.
/// </remarks>
internal static class CqlScriptSplitter
{
    /// <summary>Splits <paramref name="script"/> into its statements.</summary>
    /// <exception cref="FormatException">A string, quoted identifier or block comment is never closed.</exception>
    public static IReadOnlyList<CqlScriptStatement> Split(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var statements = new List<CqlScriptStatement>();
        var line = 1;
        var start = -1;
        var startLine = 0;
        var end = 0;
        var i = 0;
        while (i < script.Length)
        {
            var c = script[i];
            var next = i + 1 < script.Length ? script[i + 1] : '\0';
            if (c == ';')
            {
                Flush();
                i++;
                continue;
            }

            if (c == '\n')
            {
                line++;
                i++;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if ((c == '-' && next == '-') || (c == '/' && next == '/'))
            {
                i = SkipLineComment(script, i);
                continue;
            }

            if (c == '/' && next == '*')
            {
                i = SkipDelimited(script, i, 2, "*/", "block comment", ref line);
                continue;
            }

            MarkSignificant();
            i = c switch
            {
                '\'' => SkipQuoted(script, i, '\'', "string literal", ref line),
                '"' => SkipQuoted(script, i, '"', "quoted identifier", ref line),
                '$' when next == '$' => SkipDelimited(script, i, 2, "$$", "$$ string literal", ref line),
                _ => i + 1,
            };
            end = i;
        }

        Flush();
        return statements;

        void MarkSignificant()
        {
            if (start < 0)
            {
                start = i;
                startLine = line;
            }
        }

        void Flush()
        {
            if (start >= 0)
            {
                statements.Add(new CqlScriptStatement(script[start..end], startLine));
                start = -1;
            }
        }
    }

    private static int SkipLineComment(string script, int index)
    {
        var newline = script.IndexOf('\n', index);
        return newline < 0 ? script.Length : newline;
    }

    // A quote character inside the literal is written twice; a lone one closes it.
    private static int SkipQuoted(string script, int index, char quote, string what, ref int line)
    {
        var openedOn = line;
        for (var i = index + 1; i < script.Length; i++)
        {
            if (script[i] == '\n')
            {
                line++;
            }
            else if (script[i] == quote)
            {
                if (i + 1 < script.Length && script[i + 1] == quote)
                {
                    i++;
                    continue;
                }

                return i + 1;
            }
        }

        throw Unterminated(what, openedOn);
    }

    private static int SkipDelimited(string script, int index, int openerLength, string closer, string what, ref int line)
    {
        var openedOn = line;
        var close = script.IndexOf(closer, index + openerLength, StringComparison.Ordinal);
        if (close < 0)
        {
            throw Unterminated(what, openedOn);
        }

        var stop = close + closer.Length;
        line += script.AsSpan(index, stop - index).Count('\n');
        return stop;
    }

    private static FormatException Unterminated(string what, int line) =>
        new($"The {what} opened on line {line} is never closed.");
}
