using System.Buffers;
using System.Buffers.Binary;

namespace OrderPipeline.Cql.Codecs;

/// <summary>Fixed-size numbers and boolean: int, bigint/counter, smallint, tinyint, float, double, boolean.</summary>
internal static class NumericCodecs
{
    public static void WriteInt32(IBufferWriter<byte> writer, int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(writer.GetSpan(4), value);
        writer.Advance(4);
    }

    public static void WriteInt64(IBufferWriter<byte> writer, long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(writer.GetSpan(8), value);
        writer.Advance(8);
    }

    public static void WriteInt16(IBufferWriter<byte> writer, short value)
    {
        BinaryPrimitives.WriteInt16BigEndian(writer.GetSpan(2), value);
        writer.Advance(2);
    }

    public static void WriteSByte(IBufferWriter<byte> writer, sbyte value)
    {
        writer.GetSpan(1)[0] = unchecked((byte)value);
        writer.Advance(1);
    }

    public static void WriteSingle(IBufferWriter<byte> writer, float value)
    {
        BinaryPrimitives.WriteSingleBigEndian(writer.GetSpan(4), value);
        writer.Advance(4);
    }

    public static void WriteDouble(IBufferWriter<byte> writer, double value)
    {
        BinaryPrimitives.WriteDoubleBigEndian(writer.GetSpan(8), value);
        writer.Advance(8);
    }

    public static void WriteBoolean(IBufferWriter<byte> writer, bool value)
    {
        writer.GetSpan(1)[0] = value ? (byte)1 : (byte)0;
        writer.Advance(1);
    }

    public static int ReadInt32(ReadOnlySpan<byte> bytes) => BinaryPrimitives.ReadInt32BigEndian(Exactly(bytes, 4, "int"));

    public static long ReadInt64(ReadOnlySpan<byte> bytes) => BinaryPrimitives.ReadInt64BigEndian(Exactly(bytes, 8, "bigint"));

    public static short ReadInt16(ReadOnlySpan<byte> bytes) => BinaryPrimitives.ReadInt16BigEndian(Exactly(bytes, 2, "smallint"));

    public static sbyte ReadSByte(ReadOnlySpan<byte> bytes) => unchecked((sbyte)Exactly(bytes, 1, "tinyint")[0]);

    public static float ReadSingle(ReadOnlySpan<byte> bytes) => BinaryPrimitives.ReadSingleBigEndian(Exactly(bytes, 4, "float"));

    public static double ReadDouble(ReadOnlySpan<byte> bytes) => BinaryPrimitives.ReadDoubleBigEndian(Exactly(bytes, 8, "double"));

    public static bool ReadBoolean(ReadOnlySpan<byte> bytes) => Exactly(bytes, 1, "boolean")[0] != 0;

    /// <summary>Checks a fixed-size value's length so a malformed value fails with a clear message.</summary>
    public static ReadOnlySpan<byte> Exactly(ReadOnlySpan<byte> bytes, int size, string type)
    {
        if (bytes.Length != size)
        {
            throw new CqlProtocolException($"A {type} value must be {size} bytes long, got {bytes.Length}.");
        }

        return bytes;
    }
}
