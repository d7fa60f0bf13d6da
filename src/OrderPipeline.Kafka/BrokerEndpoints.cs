using System.Globalization;

namespace OrderPipeline.Kafka;

/// <summary>Parses a bootstrap list (<c>host:port,host:port</c>; the port defaults to 9092).</summary>
internal static class BrokerEndpoints
{
    public static IReadOnlyList<(string Host, int Port)> Parse(string bootstrapServers)
    {
        var result = new List<(string, int)>();
        foreach (var entry in bootstrapServers.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var text = entry.Contains("://", StringComparison.Ordinal) ? entry[(entry.IndexOf("://", StringComparison.Ordinal) + 3)..] : entry;
            var colon = text.LastIndexOf(':');
            if (colon < 0)
            {
                result.Add((text, 9092));
            }
            else if (int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536 && colon > 0)
            {
                result.Add((text[..colon].Trim('[', ']'), port));
            }
        }

        return result;
    }
}
