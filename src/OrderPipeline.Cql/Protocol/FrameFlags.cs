namespace OrderPipeline.Cql.Protocol;

/// <summary>Header flags (spec section 2.2); custom payload and warning exist from v4 on.</summary>
[Flags]
internal enum FrameFlags : byte
{
    None = 0,
    Compression = 0x01,
    Tracing = 0x02,
    CustomPayload = 0x04,
    Warning = 0x08,
}
