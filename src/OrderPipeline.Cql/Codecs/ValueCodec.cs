using System.Buffers.Binary;
using System.Net;
using System.Numerics;
using OrderPipeline.Cql.Protocol;

namespace OrderPipeline.Cql.Codecs;

/// <summary>
/// Serializes bound values as [value] (length-prefixed) for a CQL type, and deserializes [bytes] back to the
/// type's natural .NET value. Composite types recurse through here.
/// </summary>
internal static partial class ValueCodec
{
    private const int NullLength = -1;
    private const int UnsetLength = -2;

    /// <summary>Writes a [value]: null as -1, <see cref="CqlValue.Unset"/> as -2 (v4 only), else length + bytes.</summary>
    public static void WriteValue(FrameBuffer buffer, CqlType type, object? value, byte protocolVersion)
    {
        if (value is null)
        {
            buffer.WriteInt32(NullLength);
            return;
        }

        if (ReferenceEquals(value, CqlValue.Unset))
        {
            if (protocolVersion < 4)
            {
                throw new NotSupportedException("Unset values need native protocol v4; this connection speaks v3. Bind null or leave the column out of the statement.");
            }

            buffer.WriteInt32(UnsetLength);
            return;
        }

        var lengthAt = buffer.WrittenCount;
        buffer.WriteInt32(0);
        WriteRaw(buffer, type, value, protocolVersion);
        BinaryPrimitives.WriteInt32BigEndian(buffer.WrittenSpanMutable[lengthAt..], buffer.WrittenCount - lengthAt - 4);
    }

    /// <summary>Writes the value's bytes without the length prefix.</summary>
    public static void WriteRaw(FrameBuffer buffer, CqlType type, object value, byte protocolVersion)
    {
        switch (type.Code)
        {
            case CqlTypeCode.Varchar:
                TextCodecs.WriteText(buffer, As<string>(value, type));
                break;
            case CqlTypeCode.Ascii:
                TextCodecs.WriteAscii(buffer, As<string>(value, type));
                break;
            case CqlTypeCode.Int:
                NumericCodecs.WriteInt32(buffer, ToInt32(value, type));
                break;
            case CqlTypeCode.Bigint or CqlTypeCode.Counter:
                NumericCodecs.WriteInt64(buffer, ToInt64(value, type));
                break;
            case CqlTypeCode.Smallint:
                NumericCodecs.WriteInt16(buffer, value is short s ? s : checked((short)ToInt32(value, type)));
                break;
            case CqlTypeCode.Tinyint:
                NumericCodecs.WriteSByte(buffer, value is sbyte b ? b : checked((sbyte)ToInt32(value, type)));
                break;
            case CqlTypeCode.Varint:
                VarintCodecs.WriteVarint(buffer, value is BigInteger big ? big : ToInt64(value, type));
                break;
            case CqlTypeCode.Decimal:
                VarintCodecs.WriteDecimal(buffer, value switch
                {
                    decimal d => d,
                    double d => (decimal)d,
                    float f => (decimal)f,
                    _ => ToInt64(value, type),
                });
                break;
            case CqlTypeCode.Float:
                NumericCodecs.WriteSingle(buffer, value is float f2 ? f2 : throw Mismatch(value, type));
                break;
            case CqlTypeCode.Double:
                NumericCodecs.WriteDouble(buffer, value switch { double d => d, float f => f, _ => throw Mismatch(value, type) });
                break;
            case CqlTypeCode.Boolean:
                NumericCodecs.WriteBoolean(buffer, As<bool>(value, type));
                break;
            case CqlTypeCode.Timestamp:
                WriteTimestamp(buffer, value, type);
                break;
            case CqlTypeCode.Date:
                TemporalCodecs.WriteDate(buffer, value switch
                {
                    DateOnly d => d,
                    DateTime dt => DateOnly.FromDateTime(dt),
                    _ => throw Mismatch(value, type),
                });
                break;
            case CqlTypeCode.Time:
                if (value is TimeSpan span)
                {
                    TemporalCodecs.WriteTime(buffer, span);
                }
                else
                {
                    TemporalCodecs.WriteTime(buffer, As<TimeOnly>(value, type));
                }

                break;
            case CqlTypeCode.Uuid or CqlTypeCode.Timeuuid:
                IdentityCodecs.WriteUuid(buffer, As<Guid>(value, type));
                break;
            case CqlTypeCode.Inet:
                IdentityCodecs.WriteInet(buffer, As<IPAddress>(value, type));
                break;
            case CqlTypeCode.Blob or CqlTypeCode.Custom:
                WriteBlob(buffer, value, type);
                break;
            case CqlTypeCode.List or CqlTypeCode.Set:
                WriteCollection(buffer, type, value, protocolVersion);
                break;
            case CqlTypeCode.Map:
                WriteMap(buffer, type, value, protocolVersion);
                break;
            case CqlTypeCode.Tuple:
                WriteTuple(buffer, type, value, protocolVersion);
                break;
            case CqlTypeCode.Udt:
                WriteUdt(buffer, type, value, protocolVersion);
                break;
            default:
                throw new NotSupportedException($"No codec for CQL type {type}.");
        }
    }

    private static void WriteTimestamp(FrameBuffer buffer, object value, CqlType type)
    {
        switch (value)
        {
            case DateTimeOffset offset:
                TemporalCodecs.WriteTimestamp(buffer, offset);
                break;
            case DateTime dateTime:
                TemporalCodecs.WriteTimestamp(buffer, dateTime);
                break;
            case long millis:
                NumericCodecs.WriteInt64(buffer, millis);
                break;
            default:
                throw Mismatch(value, type);
        }
    }

    private static void WriteBlob(FrameBuffer buffer, object value, CqlType type)
    {
        switch (value)
        {
            case byte[] bytes:
                TextCodecs.WriteBlob(buffer, bytes);
                break;
            case ReadOnlyMemory<byte> memory:
                TextCodecs.WriteBlob(buffer, memory.Span);
                break;
            case Memory<byte> memory:
                TextCodecs.WriteBlob(buffer, memory.Span);
                break;
            case ArraySegment<byte> segment:
                TextCodecs.WriteBlob(buffer, segment);
                break;
            default:
                throw Mismatch(value, type);
        }
    }

    private static T As<T>(object value, CqlType type) => value is T typed ? typed : throw Mismatch(value, type);

    private static int ToInt32(object value, CqlType type) => value switch
    {
        int i => i,
        short s => s,
        sbyte b => b,
        byte b => b,
        ushort u => u,
        long l => checked((int)l),
        _ => throw Mismatch(value, type),
    };

    private static long ToInt64(object value, CqlType type) => value switch
    {
        long l => l,
        int i => i,
        short s => s,
        sbyte b => b,
        byte b => b,
        uint u => u,
        _ => throw Mismatch(value, type),
    };

    internal static InvalidCastException Mismatch(object value, CqlType type) =>
        new($"A {value.GetType().Name} cannot be bound to a CQL {type} value; pass a {type.ClrType.Name}.");
}
