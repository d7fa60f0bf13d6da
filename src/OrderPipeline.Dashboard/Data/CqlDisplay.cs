using System.Collections;
using System.Globalization;
using OrderPipeline.Cql;

namespace OrderPipeline.Dashboard.Data;

/// How a CQL value is shown in the query box's table, close to what cqlsh prints.
public static class CqlDisplay
{
    public static string? Format(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture) + "Z",
        Guid g => g.ToString("D"),
        byte[] b => "0x" + Convert.ToHexStringLower(b),
        bool b => b ? "True" : "False",
        CqlUdtValue u => u.ToString(),
        IDictionary d => "{" + string.Join(", ", d.Keys.Cast<object?>().Select(k => $"{Format(k)}: {Format(d[k!])}")) + "}",
        IEnumerable e => "[" + string.Join(", ", e.Cast<object?>().Select(Format)) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
