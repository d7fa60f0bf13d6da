using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace OrderPipeline.Cql.Protocol;

/// <summary>Writes the spec's notations ([short], [string], [bytes]...) into a buffer writer, big-endian.</summary>
internal static class PrimitiveWriter
{
    public static void WriteByte(this IBufferWriter<byte> writer, byte value)
    {
        writer.GetSpan(1)[0] = value;
        writer.Advance(1);
    }

    public static void WriteInt16(this IBufferWriter<byte> writer, short value)
    {
        BinaryPrimitives.WriteInt16BigEndian(writer.GetSpan(2), value);
        writer.Advance(2);
    }

    public static void WriteUInt16(this IBufferWriter<byte> writer, ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(writer.GetSpan(2), value);
        writer.Advance(2);
    }

    public static void WriteInt32(this IBufferWriter<byte> writer, int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(writer.GetSpan(4), value);
        writer.Advance(4);
    }

    public static void WriteInt64(this IBufferWriter<byte> writer, long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(writer.GetSpan(8), value);
        writer.Advance(8);
    }

    /// <summary>[string]: a [short] byte count then UTF-8.</summary>
    public static void WriteString(this IBufferWriter<byte> writer, string value)
    {
        var count = Encoding.UTF8.GetByteCount(value);
        if (count > ushort.MaxValue)
        {
            throw new ArgumentException($"A [string] is limited to {ushort.MaxValue} UTF-8 bytes; got {count}.", nameof(value));
        }

        writer.WriteUInt16((ushort)count);
        WriteUtf8(writer, value, count);
    }

    /// <summary>[long string]: an [int] byte count then UTF-8.</summary>
    public static void WriteLongString(this IBufferWriter<byte> writer, string value)
    {
        var count = Encoding.UTF8.GetByteCount(value);
        writer.WriteInt32(count);
        WriteUtf8(writer, value, count);
    }

    /// <summary>[short bytes].</summary>
    public static void WriteShortBytes(this IBufferWriter<byte> writer, ReadOnlySpan<byte> value)
    {
        writer.WriteUInt16(checked((ushort)value.Length));
        writer.Write(value);
    }

    /// <summary>[bytes] with a non-negative length.</summary>
    public static void WriteBytes(this IBufferWriter<byte> writer, ReadOnlySpan<byte> value)
    {
        writer.WriteInt32(value.Length);
        writer.Write(value);
    }

    /// <summary>[bytes] or [value] with a null (-1) length.</summary>
    public static void WriteNullBytes(this IBufferWriter<byte> writer) => writer.WriteInt32(-1);

    /// <summary>[string list].</summary>
    public static void WriteStringList(this IBufferWriter<byte> writer, IReadOnlyList<string> values)
    {
        writer.WriteUInt16(checked((ushort)values.Count));
        for (var i = 0; i < values.Count; i++)
        {
            writer.WriteString(values[i]);
        }
    }

    /// <summary>[string map].</summary>
    public static void WriteStringMap(this IBufferWriter<byte> writer, IReadOnlyDictionary<string, string> values)
    {
        writer.WriteUInt16(checked((ushort)values.Count));
        foreach (var (key, value) in values)
        {
            writer.WriteString(key);
            writer.WriteString(value);
        }
    }

    /// <summary>[inet]: address size, address bytes, port.</summary>
    public static void WriteInet(this IBufferWriter<byte> writer, IPEndPoint endPoint)
    {
        Span<byte> address = stackalloc byte[16];
        endPoint.Address.TryWriteBytes(address, out var written);
        writer.WriteByte((byte)written);
        writer.Write(address[..written]);
        writer.WriteInt32(endPoint.Port);
    }

    private static void WriteUtf8(IBufferWriter<byte> writer, string value, int count)
    {
        if (count == 0)
        {
            return;
        }

        var span = writer.GetSpan(count);
        Encoding.UTF8.GetBytes(value, span);
        writer.Advance(count);
    }
}
