using System.Buffers;
using System.Net;

namespace OrderPipeline.Cql.Codecs;

/// <summary>uuid/timeuuid (16 bytes in RFC 4122 network order) and inet (4 or 16 address bytes).</summary>
internal static class IdentityCodecs
{
    public static void WriteUuid(IBufferWriter<byte> writer, Guid value)
    {
        value.TryWriteBytes(writer.GetSpan(16), bigEndian: true, out _);
        writer.Advance(16);
    }

    public static Guid ReadUuid(ReadOnlySpan<byte> bytes) => new(NumericCodecs.Exactly(bytes, 16, "uuid"), bigEndian: true);

    public static void WriteInet(IBufferWriter<byte> writer, IPAddress value)
    {
        value.TryWriteBytes(writer.GetSpan(16), out var written);
        writer.Advance(written);
    }

    public static IPAddress ReadInet(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length is not (4 or 16))
        {
            throw new CqlProtocolException($"An inet value must be 4 or 16 bytes long, got {bytes.Length}.");
        }

        return new IPAddress(bytes);
    }
}
