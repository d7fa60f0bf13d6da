namespace OrderPipeline.Orders.Csv;

/// <summary>
/// Unquoting of one raw field. The order file never quotes a comma, a quote or a line break (only ids that
/// start with a digit are quoted), so a quoted value is simply the text between the outer quotes.
/// </summary>
internal static class CsvField
{
    /// <summary>
    /// Trims the raw field, strips one pair of outer quotes and trims again. Returns false when the quotes
    /// are unbalanced (an opening quote without a closing one or the reverse).
    /// </summary>
    public static bool TryUnquote(ReadOnlySpan<char> raw, out ReadOnlySpan<char> value)
    {
        var text = raw.Trim();
        var opens = text.Length > 0 && text[0] == '"';
        var closes = text.Length > (opens ? 1 : 0) && text[^1] == '"';
        if (opens != closes)
        {
            value = text;
            return false;
        }

        value = opens ? text[1..^1].Trim() : text;
        return true;
    }
}
