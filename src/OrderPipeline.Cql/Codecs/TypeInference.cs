using System.Collections;
using System.Net;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace OrderPipeline.Cql.Codecs;

/// <summary>
/// Picks the CQL type for a value bound to a simple (unprepared) statement, where the server sends no metadata.
/// </summary>
internal static class TypeInference
{
    public static CqlType Infer(object value) => value switch
    {
        string => CqlType.Text,
        int => CqlType.Int,
        long => CqlType.Bigint,
        short => CqlType.Smallint,
        sbyte => CqlType.Tinyint,
        BigInteger => CqlType.Varint,
        decimal => CqlType.Decimal,
        float => CqlType.Float,
        double => CqlType.Double,
        bool => CqlType.Boolean,
        DateTimeOffset or DateTime => CqlType.Timestamp,
        DateOnly => CqlType.Date,
        TimeOnly => CqlType.Time,
        Guid => CqlType.Uuid,
        IPAddress => CqlType.Inet,
        byte[] or ReadOnlyMemory<byte> or Memory<byte> or ArraySegment<byte> => CqlType.Blob,
        IDictionary map => InferMap(map),
        ITuple tuple => InferTuple(tuple),
        IEnumerable items => InferSequence(value, items),
        _ => throw new InvalidCastException($"Cannot infer a CQL type for {value.GetType().Name}; use a prepared statement or a supported .NET type."),
    };

    private static CqlType InferMap(IDictionary map)
    {
        var enumerator = map.GetEnumerator();
        if (!enumerator.MoveNext())
        {
            // An empty map's element types do not matter on the wire: the body is just a zero count.
            return CqlType.Map(CqlType.Blob, CqlType.Blob);
        }

        return CqlType.Map(Infer(enumerator.Key), Infer(enumerator.Value ?? throw new ArgumentException("Maps cannot hold null values.")));
    }

    private static CqlType InferTuple(ITuple tuple)
    {
        var components = new CqlType[tuple.Length];
        for (var i = 0; i < components.Length; i++)
        {
            components[i] = tuple[i] is { } item ? Infer(item) : CqlType.Blob;
        }

        return CqlType.Tuple(components);
    }

    private static CqlType InferSequence(object value, IEnumerable items)
    {
        CqlType element = CqlType.Blob;
        foreach (var item in items)
        {
            element = Infer(item ?? throw new ArgumentException("Collections cannot hold null elements."));
            break;
        }

        var isSet = value.GetType().GetInterfaces().Any(static i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ISet<>));
        return isSet ? CqlType.Set(element) : CqlType.List(element);
    }
}
