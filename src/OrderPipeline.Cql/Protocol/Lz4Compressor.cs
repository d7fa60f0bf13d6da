using System.Buffers;
using System.Buffers.Binary;
using K4os.Compression.LZ4;

namespace OrderPipeline.Cql.Protocol;

/// <summary>
/// LZ4 frame-body compression as v3/v4 define it: a 4-byte big-endian uncompressed length, then one raw LZ4 block.
/// </summary>
internal static class Lz4Compressor
{
    public const string Name = "lz4";

    /// <summary>Bodies smaller than this are sent plain; compressing them costs more than it saves.</summary>
    public const int MinimumLength = 512;

    /// <summary>Compresses <paramref name="body"/> into <paramref name="destination"/> with the length prefix.</summary>
    public static void Compress(ReadOnlySpan<byte> body, FrameBuffer destination)
    {
        var span = destination.GetSpan(4 + LZ4Codec.MaximumOutputSize(body.Length));
        BinaryPrimitives.WriteInt32BigEndian(span, body.Length);
        var written = LZ4Codec.Encode(body, span[4..]);
        if (written < 0)
        {
            throw new InvalidOperationException("LZ4 compression failed.");
        }

        destination.Advance(4 + written);
    }

    public static byte[] Decompress(in ReadOnlySequence<byte> body)
    {
        if (body.Length < 4)
        {
            throw new CqlProtocolException("A compressed frame body is shorter than its 4-byte length prefix.");
        }

        var input = body.IsSingleSegment ? body.FirstSpan : body.ToArray();
        var length = BinaryPrimitives.ReadInt32BigEndian(input);
        if (length < 0 || length > FrameHeader.MaxBodyLength)
        {
            throw new CqlProtocolException($"A compressed frame announces {length} uncompressed bytes; the limit is {FrameHeader.MaxBodyLength}.");
        }

        var output = length == 0 ? [] : new byte[length];
        if (length > 0)
        {
            var decoded = LZ4Codec.Decode(input[4..], output);
            if (decoded != length)
            {
                throw new CqlProtocolException($"LZ4 body decoded to {decoded} bytes instead of the announced {length}.");
            }
        }

        return output;
    }
}
