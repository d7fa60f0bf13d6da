using System.Collections;

namespace OrderPipeline.Cli.Commands.Cql;

/// The structural kinds of decoded CQL values: the client reads list as List&lt;T&gt;, set as HashSet&lt;T&gt;,
/// map as Dictionary&lt;K, V&gt;, tuple as object?[] and a UDT as a sequence of (field name, value) pairs.
internal enum CqlValueShape
{
    Scalar,
    List,
    Set,
    Map,
    Tuple,
    Udt,
}

internal static class CqlValueShapes
{
    public static CqlValueShape Of(object value) => value switch
    {
        string or byte[] => CqlValueShape.Scalar,
        object?[] => CqlValueShape.Tuple,
        IDictionary => CqlValueShape.Map,
        IEnumerable<KeyValuePair<string, object?>> => CqlValueShape.Udt,
        _ when IsSet(value.GetType()) => CqlValueShape.Set,
        IEnumerable => CqlValueShape.List,
        _ => CqlValueShape.Scalar,
    };

    private static bool IsSet(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ISet<>));
}
