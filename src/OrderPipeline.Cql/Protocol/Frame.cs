namespace OrderPipeline.Cql.Protocol;

/// <summary>
/// A received frame: its header and its (decompressed) body. The body array is owned by the frame, so rows can
/// point into it after the read loop moved on.
/// </summary>
internal sealed class Frame(FrameHeader header, byte[] body)
{
    private static readonly byte[] VoidResultBody = [0, 0, 0, 1];

    public FrameHeader Header { get; } = header;

    public byte[] Body { get; } = body;

    public Opcode Opcode => Header.Opcode;

    /// <summary>Tracing id when the tracing flag is set.</summary>
    public Guid? TracingId { get; private set; }

    /// <summary>Server warnings (v4 warning flag).</summary>
    public IReadOnlyList<string>? Warnings { get; private set; }

    /// <summary>Where the message proper starts, after tracing id, warnings and custom payload.</summary>
    public int MessageOffset { get; private set; }

    public ReadOnlySpan<byte> Message => Body.AsSpan(MessageOffset);

    /// <summary>The shared body of the commonest response (RESULT Void), so writes allocate no body array.</summary>
    public static byte[] SharedVoidBody => VoidResultBody;

    /// <summary>Reads the optional prefixes the header flags announce.</summary>
    public static Frame Create(FrameHeader header, byte[] body)
    {
        var frame = new Frame(header, body);
        if ((header.Flags & (FrameFlags.Tracing | FrameFlags.Warning | FrameFlags.CustomPayload)) == 0)
        {
            return frame;
        }

        var reader = new PrimitiveReader(body);
        if ((header.Flags & FrameFlags.Tracing) != 0)
        {
            frame.TracingId = reader.ReadUuid();
        }

        if ((header.Flags & FrameFlags.Warning) != 0)
        {
            frame.Warnings = reader.ReadStringList();
        }

        if ((header.Flags & FrameFlags.CustomPayload) != 0)
        {
            reader.ReadBytesMap();
        }

        frame.MessageOffset = reader.Position;
        return frame;
    }
}
