using OrderPipeline.Cql;

namespace OrderPipeline.Cli.Commands.Cql;

/// The consistency level names the command accepts (cqlsh spelling).
internal static class CqlConsistencyNames
{
    private static readonly string[] Names =
        ["ANY", "ONE", "TWO", "THREE", "QUORUM", "ALL", "LOCAL_QUORUM", "EACH_QUORUM", "SERIAL", "LOCAL_SERIAL", "LOCAL_ONE"];

    public static string List => string.Join(", ", Names);

    public static bool IsKnown(string name) => Names.Contains(name, StringComparer.OrdinalIgnoreCase);

    /// The client's level for a cqlsh name (LOCAL_QUORUM -> LocalQuorum).
    /// <exception cref="ArgumentException">Not a known level.</exception>
    public static CqlConsistency Parse(string name) =>
        IsKnown(name) && Enum.TryParse<CqlConsistency>(name.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var level)
            ? level
            : throw new ArgumentException($"Unknown consistency level '{name}'; use one of {List}.", nameof(name));
}
