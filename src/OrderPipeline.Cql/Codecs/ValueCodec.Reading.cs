namespace OrderPipeline.Cql.Codecs;

/// <summary>Reading a non-null value to its natural .NET type (see <see cref="CqlType.ClrType"/>).</summary>
internal static partial class ValueCodec
{
    public static object Read(CqlType type, ReadOnlySpan<byte> bytes, byte protocolVersion) => type.Code switch
    {
        CqlTypeCode.Varchar => TextCodecs.ReadText(bytes),
        CqlTypeCode.Ascii => TextCodecs.ReadAscii(bytes),
        CqlTypeCode.Int => NumericCodecs.ReadInt32(bytes),
        CqlTypeCode.Bigint or CqlTypeCode.Counter => NumericCodecs.ReadInt64(bytes),
        CqlTypeCode.Smallint => NumericCodecs.ReadInt16(bytes),
        CqlTypeCode.Tinyint => NumericCodecs.ReadSByte(bytes),
        CqlTypeCode.Varint => VarintCodecs.ReadVarint(bytes),
        CqlTypeCode.Decimal => VarintCodecs.ReadDecimal(bytes),
        CqlTypeCode.Float => NumericCodecs.ReadSingle(bytes),
        CqlTypeCode.Double => NumericCodecs.ReadDouble(bytes),
        CqlTypeCode.Boolean => NumericCodecs.ReadBoolean(bytes),
        CqlTypeCode.Timestamp => TemporalCodecs.ReadTimestamp(bytes),
        CqlTypeCode.Date => TemporalCodecs.ReadDate(bytes),
        CqlTypeCode.Time => TemporalCodecs.ReadTime(bytes),
        CqlTypeCode.Uuid or CqlTypeCode.Timeuuid => IdentityCodecs.ReadUuid(bytes),
        CqlTypeCode.Inet => IdentityCodecs.ReadInet(bytes),
        CqlTypeCode.List => ReadList(type, bytes, protocolVersion),
        CqlTypeCode.Set => ReadSet(type, bytes, protocolVersion),
        CqlTypeCode.Map => ReadMap(type, bytes, protocolVersion),
        CqlTypeCode.Tuple => ReadTuple(type, bytes, protocolVersion),
        CqlTypeCode.Udt => ReadUdt(type, bytes, protocolVersion),
        _ => TextCodecs.ReadBlob(bytes),
    };

    /// <summary>
    /// Reads as <typeparamref name="T"/>. The common scalar types are read without boxing; other requests go through
    /// the natural value with a few lossless conversions (timestamp as DateTime, any integer widened).
    /// </summary>
    public static T ReadAs<T>(CqlType type, ReadOnlySpan<byte> bytes, byte protocolVersion, string column)
    {
        var code = type.Code;
        if (typeof(T) == typeof(int) && code == CqlTypeCode.Int)
        {
            return (T)(object)NumericCodecs.ReadInt32(bytes);
        }

        if (typeof(T) == typeof(long) && code is CqlTypeCode.Bigint or CqlTypeCode.Counter)
        {
            return (T)(object)NumericCodecs.ReadInt64(bytes);
        }

        if (typeof(T) == typeof(Guid) && code is CqlTypeCode.Uuid or CqlTypeCode.Timeuuid)
        {
            return (T)(object)IdentityCodecs.ReadUuid(bytes);
        }

        if (typeof(T) == typeof(double) && code == CqlTypeCode.Double)
        {
            return (T)(object)NumericCodecs.ReadDouble(bytes);
        }

        if (typeof(T) == typeof(bool) && code == CqlTypeCode.Boolean)
        {
            return (T)(object)NumericCodecs.ReadBoolean(bytes);
        }

        if (typeof(T) == typeof(DateTimeOffset) && code == CqlTypeCode.Timestamp)
        {
            return (T)(object)TemporalCodecs.ReadTimestamp(bytes);
        }

        var value = Read(type, bytes, protocolVersion);
        if (value is T typed)
        {
            return typed;
        }

        object? converted = value switch
        {
            DateTimeOffset offset when typeof(T) == typeof(DateTime) || typeof(T) == typeof(DateTime?) => offset.UtcDateTime,
            int i when typeof(T) == typeof(long) || typeof(T) == typeof(long?) => (long)i,
            short s when typeof(T) == typeof(int) || typeof(T) == typeof(int?) => (int)s,
            sbyte b when typeof(T) == typeof(int) || typeof(T) == typeof(int?) => (int)b,
            _ => null,
        };

        return converted is T result
            ? result
            : throw new InvalidCastException($"Column '{column}' is a CQL {type} (read as {type.ClrType.Name}); it cannot be read as {typeof(T).Name}.");
    }
}
