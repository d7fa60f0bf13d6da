namespace OrderPipeline.Orders;

/// <summary>
/// Order and customer ids: exactly 32 hex digits (a UUID without dashes). Uppercase hex is accepted and
/// normalized to lowercase, because it denotes the same UUID in Cassandra; anything else (dashes, braces,
/// 31 or 33 digits, non-hex letters) is rejected.
/// </summary>
public static class OrderIds
{
    public const int Length = 32;

    public static bool TryParse(ReadOnlySpan<char> text, out Guid id)
    {
        id = default;
        if (text.Length != Length)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return Guid.TryParseExact(text, "N", out id);
    }
}
