using OrderPipeline.Cql;
using OrderPipeline.Cql.Codecs;
using OrderPipeline.Cql.Protocol;

namespace OrderPipeline.Cql.Tests.Codecs;

internal static class CodecTestHelpers
{
    /// <summary>Serializes a value as the raw bytes the codec writes (no length prefix).</summary>
    public static byte[] Encode(CqlType type, object value, byte version = 4)
    {
        var buffer = FrameBuffer.Rent();
        try
        {
            ValueCodec.WriteRaw(buffer, type, value, version);
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            buffer.Return();
        }
    }

    /// <summary>Serializes a value as a [value] (with length prefix).</summary>
    public static byte[] EncodeValue(CqlType type, object? value, byte version = 4)
    {
        var buffer = FrameBuffer.Rent();
        try
        {
            ValueCodec.WriteValue(buffer, type, value, version);
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            buffer.Return();
        }
    }

    public static object Decode(CqlType type, byte[] bytes, byte version = 4) => ValueCodec.Read(type, bytes, version);

    public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));
}
