using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;

namespace OrderPipeline.Cql.Codecs;

/// <summary>varint (two's complement, big-endian, minimal length) and decimal (scale + unscaled varint).</summary>
internal static class VarintCodecs
{
    public static void WriteVarint(IBufferWriter<byte> writer, BigInteger value)
    {
        var count = value.GetByteCount();
        var span = writer.GetSpan(count);
        value.TryWriteBytes(span, out var written, isUnsigned: false, isBigEndian: true);
        writer.Advance(written);
    }

    public static BigInteger ReadVarint(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            throw new CqlProtocolException("A varint value must have at least one byte.");
        }

        return new BigInteger(bytes, isUnsigned: false, isBigEndian: true);
    }

    public static void WriteDecimal(IBufferWriter<byte> writer, decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        var negative = bits[3] < 0;
        Span<byte> magnitude = stackalloc byte[12];
        BinaryPrimitives.WriteInt32LittleEndian(magnitude, bits[0]);
        BinaryPrimitives.WriteInt32LittleEndian(magnitude[4..], bits[1]);
        BinaryPrimitives.WriteInt32LittleEndian(magnitude[8..], bits[2]);
        var unscaled = new BigInteger(magnitude, isUnsigned: true, isBigEndian: false);
        NumericCodecs.WriteInt32(writer, scale);
        WriteVarint(writer, negative ? -unscaled : unscaled);
    }

    public static decimal ReadDecimal(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 5)
        {
            throw new CqlProtocolException($"A decimal value needs a 4-byte scale and a varint, got {bytes.Length} bytes.");
        }

        var scale = BinaryPrimitives.ReadInt32BigEndian(bytes);
        var unscaled = ReadVarint(bytes[4..]);
        if (scale < 0)
        {
            unscaled *= BigInteger.Pow(10, -scale);
            scale = 0;
        }

        // System.Decimal keeps at most 28 fractional digits; drop trailing zeros that only widen the scale.
        while (scale > 28 && !unscaled.IsZero && BigInteger.Remainder(unscaled, 10).IsZero)
        {
            unscaled /= 10;
            scale--;
        }

        var magnitude = BigInteger.Abs(unscaled);
        if (scale > 28 || magnitude.GetBitLength() > 96)
        {
            throw new OverflowException($"The CQL decimal {unscaled}E-{scale} does not fit System.Decimal (96-bit mantissa, scale up to 28).");
        }

        Span<byte> raw = stackalloc byte[12];
        raw.Clear();
        magnitude.TryWriteBytes(raw, out _, isUnsigned: true, isBigEndian: false);
        return new decimal(
            BinaryPrimitives.ReadInt32LittleEndian(raw),
            BinaryPrimitives.ReadInt32LittleEndian(raw[4..]),
            BinaryPrimitives.ReadInt32LittleEndian(raw[8..]),
            unscaled.Sign < 0,
            (byte)scale);
    }
}
