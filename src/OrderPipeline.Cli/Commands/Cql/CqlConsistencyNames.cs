namespace OrderPipeline.Cli.Commands.Cql;

/// The consistency level names the command accepts (cqlsh spelling).
internal static class CqlConsistencyNames
{
    private static readonly string[] Names =
        ["ANY", "ONE", "TWO", "THREE", "QUORUM", "ALL", "LOCAL_QUORUM", "EACH_QUORUM", "SERIAL", "LOCAL_SERIAL", "LOCAL_ONE"];

    public static string List => string.Join(", ", Names);

    public static bool IsKnown(string name) => Names.Contains(name, StringComparer.OrdinalIgnoreCase);
}
