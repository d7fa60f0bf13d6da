using System.Buffers.Binary;
using System.Collections;
using System.Runtime.CompilerServices;
using OrderPipeline.Cql.Protocol;

namespace OrderPipeline.Cql.Codecs;

/// <summary>list, set and map: an [int] count then [bytes] elements; tuple and UDT: [bytes] per component.</summary>
internal static partial class ValueCodec
{
    private static void WriteCollection(FrameBuffer buffer, CqlType type, object value, byte protocolVersion)
    {
        if (value is not IEnumerable items || value is string)
        {
            throw Mismatch(value, type);
        }

        var countAt = buffer.WrittenCount;
        buffer.WriteInt32(0);
        var count = 0;
        foreach (var item in items)
        {
            WriteElement(buffer, type.Parameters[0], item, protocolVersion, type);
            count++;
        }

        BinaryPrimitives.WriteInt32BigEndian(buffer.WrittenSpanMutable[countAt..], count);
    }

    private static void WriteMap(FrameBuffer buffer, CqlType type, object value, byte protocolVersion)
    {
        if (value is not IDictionary map)
        {
            throw Mismatch(value, type);
        }

        buffer.WriteInt32(map.Count);
        var enumerator = map.GetEnumerator();
        while (enumerator.MoveNext())
        {
            WriteElement(buffer, type.Parameters[0], enumerator.Key, protocolVersion, type);
            WriteElement(buffer, type.Parameters[1], enumerator.Value, protocolVersion, type);
        }
    }

    private static void WriteElement(FrameBuffer buffer, CqlType elementType, object? item, byte protocolVersion, CqlType collection)
    {
        if (item is null || ReferenceEquals(item, CqlValue.Unset))
        {
            throw new ArgumentException($"A CQL {collection} cannot hold null or unset elements.");
        }

        WriteValue(buffer, elementType, item, protocolVersion);
    }

    private static void WriteTuple(FrameBuffer buffer, CqlType type, object value, byte protocolVersion)
    {
        var components = type.Parameters;
        switch (value)
        {
            case object?[] array when array.Length == components.Count:
                for (var i = 0; i < components.Count; i++)
                {
                    WriteValue(buffer, components[i], array[i], protocolVersion);
                }

                break;
            case ITuple tuple when tuple.Length == components.Count:
                for (var i = 0; i < components.Count; i++)
                {
                    WriteValue(buffer, components[i], tuple[i], protocolVersion);
                }

                break;
            default:
                throw new InvalidCastException($"A CQL {type} needs an object?[] or a tuple of {components.Count} items.");
        }
    }

    private static void WriteUdt(FrameBuffer buffer, CqlType type, object value, byte protocolVersion)
    {
        IEnumerable<KeyValuePair<string, object?>> pairs = value switch
        {
            CqlUdtValue udt => udt.Fields,
            IReadOnlyDictionary<string, object?> dictionary => dictionary,
            _ => throw new InvalidCastException($"A CQL UDT {type} needs a CqlUdtValue (or IReadOnlyDictionary<string, object?>)."),
        };

        var values = new object?[type.FieldNames.Count];
        foreach (var (key, fieldValue) in pairs)
        {
            var index = IndexOfField(type, key);
            values[index] = fieldValue;
        }

        for (var i = 0; i < values.Length; i++)
        {
            WriteValue(buffer, type.Parameters[i], values[i], protocolVersion);
        }
    }

    private static int IndexOfField(CqlType type, string name)
    {
        for (var i = 0; i < type.FieldNames.Count; i++)
        {
            if (string.Equals(type.FieldNames[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new ArgumentException($"The UDT {type} has no field '{name}'.");
    }

    private static object ReadList(CqlType type, ReadOnlySpan<byte> bytes, byte protocolVersion)
    {
        var reader = new PrimitiveReader(bytes);
        var count = ReadCount(ref reader);
        var list = (IList)Activator.CreateInstance(type.ClrType, count)!;
        for (var i = 0; i < count; i++)
        {
            list.Add(ReadElement(ref reader, type.Parameters[0], protocolVersion));
        }

        return list;
    }

    private static object ReadSet(CqlType type, ReadOnlySpan<byte> bytes, byte protocolVersion)
    {
        var listType = typeof(List<>).MakeGenericType(type.Parameters[0].ClrType);
        var list = ReadList(CqlType.List(type.Parameters[0]), bytes, protocolVersion);
        return Activator.CreateInstance(type.ClrType, list) ?? throw new InvalidOperationException($"Cannot build {listType}.");
    }

    private static object ReadMap(CqlType type, ReadOnlySpan<byte> bytes, byte protocolVersion)
    {
        var reader = new PrimitiveReader(bytes);
        var count = ReadCount(ref reader);
        var map = (IDictionary)Activator.CreateInstance(type.ClrType, count)!;
        for (var i = 0; i < count; i++)
        {
            var key = ReadElement(ref reader, type.Parameters[0], protocolVersion)
                ?? throw new CqlProtocolException($"A {type} value has a null key.");
            map[key] = ReadElement(ref reader, type.Parameters[1], protocolVersion);
        }

        return map;
    }

    private static object?[] ReadTuple(CqlType type, ReadOnlySpan<byte> bytes, byte protocolVersion)
    {
        var reader = new PrimitiveReader(bytes);
        var values = new object?[type.Parameters.Count];
        for (var i = 0; i < values.Length && reader.Remaining > 0; i++)
        {
            values[i] = ReadElement(ref reader, type.Parameters[i], protocolVersion);
        }

        return values;
    }

    private static CqlUdtValue ReadUdt(CqlType type, ReadOnlySpan<byte> bytes, byte protocolVersion)
    {
        // A UDT value may carry fewer fields than the type has (fields added later); the rest are null.
        var reader = new PrimitiveReader(bytes);
        var value = new CqlUdtValue();
        for (var i = 0; i < type.FieldNames.Count; i++)
        {
            value[type.FieldNames[i]] = reader.Remaining > 0 ? ReadElement(ref reader, type.Parameters[i], protocolVersion) : null;
        }

        return value;
    }

    private static int ReadCount(ref PrimitiveReader reader)
    {
        var count = reader.ReadInt32();
        if (count < 0 || count > reader.Remaining / 4)
        {
            throw new CqlProtocolException($"A collection announces {count} elements but only {reader.Remaining} bytes follow.");
        }

        return count;
    }

    private static object? ReadElement(ref PrimitiveReader reader, CqlType type, byte protocolVersion) =>
        reader.TryReadBytes(out var element) ? Read(type, element, protocolVersion) : null;
}
