using System.Net;
using System.Numerics;

namespace OrderPipeline.Cql;

public sealed partial class CqlType
{
    private Type? _clrType;

    /// <summary>
    /// The .NET type values of this CQL type are read as: string, int, long, short, sbyte, BigInteger, decimal,
    /// float, double, bool, DateTimeOffset (timestamp), DateOnly, TimeOnly, Guid, IPAddress, byte[], List&lt;T&gt;,
    /// HashSet&lt;T&gt;, Dictionary&lt;K, V&gt;, object?[] (tuple), <see cref="CqlUdtValue"/>, byte[] (custom).
    /// </summary>
    public Type ClrType => _clrType ??= ComputeClrType();

    private Type ComputeClrType() => Code switch
    {
        CqlTypeCode.Ascii or CqlTypeCode.Varchar => typeof(string),
        CqlTypeCode.Int => typeof(int),
        CqlTypeCode.Bigint or CqlTypeCode.Counter => typeof(long),
        CqlTypeCode.Smallint => typeof(short),
        CqlTypeCode.Tinyint => typeof(sbyte),
        CqlTypeCode.Varint => typeof(BigInteger),
        CqlTypeCode.Decimal => typeof(decimal),
        CqlTypeCode.Float => typeof(float),
        CqlTypeCode.Double => typeof(double),
        CqlTypeCode.Boolean => typeof(bool),
        CqlTypeCode.Timestamp => typeof(DateTimeOffset),
        CqlTypeCode.Date => typeof(DateOnly),
        CqlTypeCode.Time => typeof(TimeOnly),
        CqlTypeCode.Uuid or CqlTypeCode.Timeuuid => typeof(Guid),
        CqlTypeCode.Inet => typeof(IPAddress),
        CqlTypeCode.Blob or CqlTypeCode.Custom => typeof(byte[]),
        CqlTypeCode.List => typeof(List<>).MakeGenericType(Parameters[0].ClrType),
        CqlTypeCode.Set => typeof(HashSet<>).MakeGenericType(Parameters[0].ClrType),
        CqlTypeCode.Map => typeof(Dictionary<,>).MakeGenericType(Parameters[0].ClrType, Parameters[1].ClrType),
        CqlTypeCode.Tuple => typeof(object?[]),
        CqlTypeCode.Udt => typeof(CqlUdtValue),
        _ => typeof(byte[]),
    };
}
