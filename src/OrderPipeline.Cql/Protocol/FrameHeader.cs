using System.Buffers.Binary;

namespace OrderPipeline.Cql.Protocol;

/// <summary>
/// The 9-byte v3/v4 frame header: version (top bit = response), flags, signed 16-bit stream, opcode,
/// 32-bit body length.
/// </summary>
internal readonly record struct FrameHeader(byte Version, FrameFlags Flags, short Stream, Opcode Opcode, int Length)
{
    /// <summary>Header size for protocol v3 and later.</summary>
    public const int Size = 9;

    /// <summary>The spec limits a frame to 256 MB; a larger length is a protocol violation.</summary>
    public const int MaxBodyLength = 256 * 1024 * 1024;

    /// <summary>The direction bit of the version byte.</summary>
    public const byte ResponseBit = 0x80;

    /// <summary>Protocol version without the direction bit.</summary>
    public byte ProtocolVersion => (byte)(Version & 0x7F);

    /// <summary>Whether the frame travels from server to client.</summary>
    public bool IsResponse => (Version & ResponseBit) != 0;

    /// <summary>Writes the header into the first 9 bytes of <paramref name="destination"/>.</summary>
    public void Write(Span<byte> destination)
    {
        destination[0] = Version;
        destination[1] = (byte)Flags;
        BinaryPrimitives.WriteInt16BigEndian(destination[2..], Stream);
        destination[4] = (byte)Opcode;
        BinaryPrimitives.WriteInt32BigEndian(destination[5..], Length);
    }

    /// <summary>Parses a header; the caller checks version and length against its expectations.</summary>
    public static FrameHeader Read(ReadOnlySpan<byte> source) => new(
        source[0],
        (FrameFlags)source[1],
        BinaryPrimitives.ReadInt16BigEndian(source[2..]),
        (Opcode)source[4],
        BinaryPrimitives.ReadInt32BigEndian(source[5..]));
}
