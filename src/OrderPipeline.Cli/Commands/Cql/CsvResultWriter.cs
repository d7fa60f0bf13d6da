namespace OrderPipeline.Cli.Commands.Cql;

/// RFC 4180 CSV: a header row of column names, then one line per row (CRLF). A field holding a comma, quote,
/// CR, LF or leading/trailing space is quoted with inner quotes doubled. A null is an empty field; an empty
/// string is "" so the two stay distinguishable.
internal sealed class CsvResultWriter(TextWriter output) : ICqlResultWriter
{
    private const string LineEnd = "\r\n";

    public async Task<long> WriteAsync(CqlRowsResult result, CancellationToken cancellationToken)
    {
        await output.WriteAsync(string.Join(',', result.Columns.Select(c => Escape(c.Name))) + LineEnd);
        long count = 0;
        await foreach (var row in result.Rows.WithCancellation(cancellationToken))
        {
            await output.WriteAsync(string.Join(',', row.Select(Field)) + LineEnd);
            count++;
        }

        await output.FlushAsync(cancellationToken);
        return count;
    }

    internal static string Field(object? value) => value switch
    {
        null => string.Empty,
        string { Length: 0 } => "\"\"",
        _ => Escape(CqlValueText.Format(value)),
    };

    internal static string Escape(string text)
    {
        var needsQuotes = text.AsSpan().IndexOfAny(",\"\r\n") >= 0
            || (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])));
        return needsQuotes ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
