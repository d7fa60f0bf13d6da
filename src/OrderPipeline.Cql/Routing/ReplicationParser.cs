using System.Globalization;
using System.Text.Json;

namespace OrderPipeline.Cql.Routing;

/// <summary>
/// Reads a keyspace's replication settings from the schema tables: <c>system.schema_keyspaces</c>
/// (Cassandra 2.x: <c>strategy_class</c> and the <c>strategy_options</c> JSON text) and
/// <c>system_schema.keyspaces</c> (3.0+: the <c>replication</c> map, whose <c>class</c> entry names the strategy).
/// </summary>
/// <remarks>
/// Schema rows come from the server and may name strategies this client does not know (custom classes,
/// future versions); those become <see cref="ReplicationKind.Unsupported"/> rather than errors, so the
/// session falls back to non-token-aware routing for that keyspace instead of failing.
/// </remarks>
internal static class ReplicationParser
{
    private const string ClassKey = "class";
    private const string ReplicationFactorKey = "replication_factor";

    /// <summary>Parses the 3.0+ <c>system_schema.keyspaces.replication</c> map.</summary>
    public static ReplicationStrategy FromReplicationMap(IReadOnlyDictionary<string, string> replication)
    {
        ArgumentNullException.ThrowIfNull(replication);
        if (!replication.TryGetValue(ClassKey, out var className))
        {
            return ReplicationStrategy.Unsupported("(no class)");
        }

        var options = replication.Where(p => p.Key != ClassKey);
        return FromClassAndOptions(className, options);
    }

    /// <summary>Parses the 2.x <c>system.schema_keyspaces</c> columns <c>strategy_class</c> and <c>strategy_options</c>.</summary>
    public static ReplicationStrategy FromSchemaKeyspaces(string strategyClass, string? strategyOptionsJson)
    {
        ArgumentNullException.ThrowIfNull(strategyClass);
        if (!TryParseOptionsJson(strategyOptionsJson, out var options))
        {
            return ReplicationStrategy.Unsupported(strategyClass);
        }

        return FromClassAndOptions(strategyClass, options);
    }

    /// <summary>Builds a strategy from its class name (short or fully qualified) and its options.</summary>
    public static ReplicationStrategy FromClassAndOptions(string className, IEnumerable<KeyValuePair<string, string>> options)
    {
        ArgumentNullException.ThrowIfNull(className);
        ArgumentNullException.ThrowIfNull(options);
        var shortName = className[(className.LastIndexOf('.') + 1)..];
        switch (shortName)
        {
            case "SimpleStrategy":
                foreach (var (key, value) in options)
                {
                    if (key == ReplicationFactorKey && TryParseFactor(value, out var factor))
                    {
                        return ReplicationStrategy.Simple(factor);
                    }
                }

                return ReplicationStrategy.Unsupported(className);

            case "NetworkTopologyStrategy":
                var datacenters = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var (key, value) in options)
                {
                    // 4.0 accepts replication_factor as a default for every DC at CREATE time but stores the
                    // expanded per-DC map; any other non-numeric entry means settings we cannot interpret.
                    if (!TryParseFactor(value, out var factor))
                    {
                        return ReplicationStrategy.Unsupported(className);
                    }

                    datacenters[key] = factor;
                }

                return ReplicationStrategy.NetworkTopology(datacenters);

            case "LocalStrategy":
                return ReplicationStrategy.Local;

            case "EverywhereStrategy":
                return ReplicationStrategy.Everywhere;

            default:
                return ReplicationStrategy.Unsupported(className);
        }
    }

    // Cassandra 4.0 transient replication writes "total/transient" (e.g. "3/1"): all of them are replicas.
    private static bool TryParseFactor(string value, out int factor)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        var total = slash < 0 ? value : value[..slash];
        return int.TryParse(total.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out factor);
    }

    private static bool TryParseOptionsJson(string? json, out List<KeyValuePair<string, string>> options)
    {
        options = [];
        if (string.IsNullOrWhiteSpace(json))
        {
            return true;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                var value = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Number => property.Value.GetRawText(),
                    _ => null,
                };
                if (value is null)
                {
                    return false;
                }

                options.Add(new(property.Name, value));
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
