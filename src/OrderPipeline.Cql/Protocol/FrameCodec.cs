using System.Buffers;
using System.Buffers.Binary;

namespace OrderPipeline.Cql.Protocol;

/// <summary>
/// Frame boundaries on a byte stream: parses headers from a pipe's buffer (refusing impossible lengths before
/// any body is buffered) and starts/ends outgoing frames in a <see cref="FrameBuffer"/>. Used by the client and
/// by the test server alike.
/// </summary>
internal static class FrameCodec
{
    /// <summary>Reserves the header; the body follows; <see cref="EndFrame"/> patches the length.</summary>
    public static void BeginFrame(FrameBuffer buffer, byte version, FrameFlags flags, short stream, Opcode opcode)
    {
        var span = buffer.GetSpan(FrameHeader.Size);
        new FrameHeader(version, flags, stream, opcode, 0).Write(span);
        buffer.Advance(FrameHeader.Size);
    }

    public static void EndFrame(FrameBuffer buffer)
    {
        var length = buffer.WrittenCount - FrameHeader.Size;
        if (length > FrameHeader.MaxBodyLength)
        {
            throw new InvalidOperationException($"The request is {length} bytes long; the protocol limits a frame body to {FrameHeader.MaxBodyLength} bytes.");
        }

        BinaryPrimitives.WriteInt32BigEndian(buffer.WrittenSpanMutable[5..], length);
    }

    public static void SetStream(FrameBuffer buffer, short stream) =>
        BinaryPrimitives.WriteInt16BigEndian(buffer.WrittenSpanMutable[2..], stream);

    /// <summary>
    /// Tries to cut one whole frame off the front of <paramref name="buffer"/>. Returns false when more bytes are
    /// needed. Throws <see cref="CqlProtocolException"/> for a header no valid peer sends.
    /// </summary>
    public static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, int maxBodyLength, out FrameHeader header, out ReadOnlySequence<byte> body)
    {
        body = default;
        header = default;
        if (buffer.Length < FrameHeader.Size)
        {
            return false;
        }

        Span<byte> headerBytes = stackalloc byte[FrameHeader.Size];
        buffer.Slice(0, FrameHeader.Size).CopyTo(headerBytes);
        header = FrameHeader.Read(headerBytes);
        if (header.Length < 0 || header.Length > maxBodyLength)
        {
            throw new CqlProtocolException(
                $"Frame header announces a body of {header.Length} bytes (opcode {header.Opcode}, stream {header.Stream}); the limit is {maxBodyLength} bytes. The peer is not speaking the CQL protocol correctly; the connection is closed.");
        }

        if (buffer.Length - FrameHeader.Size < header.Length)
        {
            return false;
        }

        body = buffer.Slice(FrameHeader.Size, header.Length);
        buffer = buffer.Slice(FrameHeader.Size + header.Length);
        return true;
    }

    /// <summary>Copies (and, when flagged, decompresses) a body into an array the frame will own.</summary>
    public static byte[] MaterializeBody(in FrameHeader header, in ReadOnlySequence<byte> body, bool compressionNegotiated)
    {
        if ((header.Flags & FrameFlags.Compression) != 0)
        {
            if (!compressionNegotiated)
            {
                throw new CqlProtocolException("Received a compressed frame but no compression was negotiated.");
            }

            return Lz4Compressor.Decompress(body);
        }

        if (body.Length == 4 && header.Opcode == Opcode.Result && header.Flags == FrameFlags.None)
        {
            Span<byte> kind = stackalloc byte[4];
            body.CopyTo(kind);
            if (kind.SequenceEqual(Frame.SharedVoidBody))
            {
                return Frame.SharedVoidBody;
            }
        }

        return body.Length == 0 ? [] : body.ToArray();
    }
}
