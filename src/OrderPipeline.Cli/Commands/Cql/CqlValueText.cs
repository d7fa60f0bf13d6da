using System.Collections;
using System.Globalization;
using System.Net;
using System.Numerics;
using System.Text;

namespace OrderPipeline.Cli.Commands.Cql;

/// Renders CQL values (as the client library decodes them) as text, close to cqlsh: uuids lowercase with dashes,
/// timestamps ISO-8601 in UTC, blobs 0x-hex, lists [..], sets {..}, maps {k: v}, tuples (..), UDTs {field: v};
/// strings inside collections are quoted '..' with '' escaping so elements stay unambiguous.
internal static class CqlValueText
{
    public const string Null = "null";

    public static string Format(object? value)
    {
        var text = new StringBuilder();
        Append(text, value, nested: false);
        return text.ToString();
    }

    public static string FormatTimestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string FormatBlob(ReadOnlySpan<byte> value) => "0x" + Convert.ToHexStringLower(value);

    /// Scalars as text; null for collections, tuples and UDTs (which callers render structurally).
    public static string? FormatScalar(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        Guid g => g.ToString("D"),
        DateTimeOffset t => FormatTimestamp(t),
        DateTime t => FormatTimestamp(new DateTimeOffset(DateTime.SpecifyKind(t, t.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : t.Kind))),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        byte[] bytes => FormatBlob(bytes),
        ReadOnlyMemory<byte> memory => FormatBlob(memory.Span),
        float f => FormatFloating(f),
        double d => FormatFloating(d),
        IPAddress address => address.ToString(),
        BigInteger i => i.ToString(CultureInfo.InvariantCulture),
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        IFormattable f when value.GetType().IsPrimitive => f.ToString(null, CultureInfo.InvariantCulture),
        _ => null,
    };

    private static string FormatFloating(double value) =>
        double.IsNaN(value) ? "NaN"
        : double.IsPositiveInfinity(value) ? "Infinity"
        : double.IsNegativeInfinity(value) ? "-Infinity"
        : value.ToString("R", CultureInfo.InvariantCulture);

    private static string FormatFloating(float value) =>
        float.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : FormatFloating((double)value);

    private static void Append(StringBuilder text, object? value, bool nested)
    {
        switch (value)
        {
            case null:
                text.Append(Null);
                return;
            case string s when nested:
                text.Append('\'').Append(s.Replace("'", "''", StringComparison.Ordinal)).Append('\'');
                return;
            default:
                break;
        }

        if (FormatScalar(value) is { } scalar)
        {
            text.Append(scalar);
            return;
        }

        switch (CqlValueShapes.Of(value))
        {
            case CqlValueShape.Map:
                AppendPairs(text, Entries((IDictionary)value), quoteKeys: true);
                break;
            case CqlValueShape.Udt:
                AppendPairs(text, ((IEnumerable<KeyValuePair<string, object?>>)value).Select(p => ((object?)p.Key, p.Value)), quoteKeys: false);
                break;
            case CqlValueShape.Tuple:
                AppendItems(text, (IEnumerable)value, '(', ')');
                break;
            case CqlValueShape.Set:
                AppendItems(text, (IEnumerable)value, '{', '}');
                break;
            case CqlValueShape.List:
                AppendItems(text, (IEnumerable)value, '[', ']');
                break;
            default:
                text.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    // IDictionary's own enumerator yields DictionaryEntry; the generic one (used by LINQ) yields KeyValuePair.
    private static IEnumerable<(object? Key, object? Value)> Entries(IDictionary map)
    {
        var entries = map.GetEnumerator();
        while (entries.MoveNext())
        {
            yield return (entries.Key, entries.Value);
        }
    }

    private static void AppendItems(StringBuilder text, IEnumerable items, char open, char close)
    {
        text.Append(open);
        var first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                text.Append(", ");
            }

            Append(text, item, nested: true);
            first = false;
        }

        text.Append(close);
    }

    private static void AppendPairs(StringBuilder text, IEnumerable<(object? Key, object? Value)> pairs, bool quoteKeys)
    {
        text.Append('{');
        var first = true;
        foreach (var (key, item) in pairs)
        {
            if (!first)
            {
                text.Append(", ");
            }

            if (quoteKeys)
            {
                Append(text, key, nested: true);
            }
            else
            {
                text.Append(key);
            }

            text.Append(": ");
            Append(text, item, nested: true);
            first = false;
        }

        text.Append('}');
    }
}
