using System.Globalization;

namespace OrderPipeline.Orders;

/// <summary>Outcome of parsing one dataset timestamp.</summary>
public enum TimestampParseResult
{
    Ok,
    Empty,
    BadFormat,
    ImpossibleDate,
    HasTimeZone,
}

/// <summary>
/// The dataset's timestamp format <c>yyyy-MM-dd HH:mm:ss</c>: exactly 19 characters, no time zone, no 'T',
/// no fraction. Parsed by hand (no culture, no allocation) and kept as written with Kind Utc.
/// </summary>
public static class DatasetTimestamp
{
    public const string Format = "yyyy-MM-dd HH:mm:ss";
    public const int Length = 19;

    public static TimestampParseResult TryParse(ReadOnlySpan<char> text, out DateTime value)
    {
        value = default;
        if (text.IsEmpty)
        {
            return TimestampParseResult.Empty;
        }

        if (text.Length > Length && LooksLikeZone(text[Length..]))
        {
            return TimestampParseResult.HasTimeZone;
        }

        if (text.Length != Length || text[4] != '-' || text[7] != '-' || text[10] != ' ' || text[13] != ':' || text[16] != ':')
        {
            return TimestampParseResult.BadFormat;
        }

        if (!TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) ||
            !TryDigits(text.Slice(8, 2), out var day) || !TryDigits(text.Slice(11, 2), out var hour) ||
            !TryDigits(text.Slice(14, 2), out var minute) || !TryDigits(text.Slice(17, 2), out var second))
        {
            return TimestampParseResult.BadFormat;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) ||
            hour > 23 || minute > 59 || second > 59)
        {
            return TimestampParseResult.ImpossibleDate;
        }

        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc);
        return TimestampParseResult.Ok;
    }

    /// <summary>Writes the timestamp as <c>yyyy-MM-dd HH:mm:ss</c> (its clock value, never converted).</summary>
    public static string ToText(DateTime value) => value.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>Formats into <paramref name="destination"/> (at least 19 chars) without allocating.</summary>
    public static void Write(DateTime value, Span<char> destination)
    {
        Put4(destination, value.Year);
        destination[4] = '-';
        Put2(destination[5..], value.Month);
        destination[7] = '-';
        Put2(destination[8..], value.Day);
        destination[10] = ' ';
        Put2(destination[11..], value.Hour);
        destination[13] = ':';
        Put2(destination[14..], value.Minute);
        destination[16] = ':';
        Put2(destination[17..], value.Second);
    }

    /// <summary>Formats as UTF-8 bytes into <paramref name="destination"/> (at least 19 bytes).</summary>
    public static void WriteUtf8(DateTime value, Span<byte> destination)
    {
        Span<char> chars = stackalloc char[Length];
        Write(value, chars);
        for (var i = 0; i < Length; i++)
        {
            destination[i] = (byte)chars[i];
        }
    }

    private static bool LooksLikeZone(ReadOnlySpan<char> suffix)
    {
        var s = suffix.TrimStart(' ');
        return s is "Z" or "z" || s.StartsWith("UTC", StringComparison.OrdinalIgnoreCase) ||
               (s.Length >= 3 && (s[0] == '+' || s[0] == '-') && char.IsAsciiDigit(s[1]) && char.IsAsciiDigit(s[2]));
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static void Put2(Span<char> destination, int value)
    {
        destination[0] = (char)('0' + (value / 10));
        destination[1] = (char)('0' + (value % 10));
    }

    private static void Put4(Span<char> destination, int value)
    {
        Put2(destination, value / 100);
        Put2(destination[2..], value % 100);
    }
}
