using System.Buffers;
using OrderPipeline.Cql;
using OrderPipeline.Cql.Protocol;

namespace OrderPipeline.Cql.Tests.Protocol;

public class FrameCodecTests
{
    [Fact]
    public void Header_WritesAndParsesAllFields()
    {
        // Given a v4 response header on stream -1 with warning flag
        var header = new FrameHeader(0x84, FrameFlags.Warning, -1, Opcode.Event, 300);
        var bytes = new byte[9];

        // When written and read back
        header.Write(bytes);

        // Then the layout is version, flags, i16 stream, opcode, i32 length
        Assert.Equal("8408FFFF0C0000012C", Convert.ToHexString(bytes));
        var parsed = FrameHeader.Read(bytes);
        Assert.Equal(header, parsed);
        Assert.True(parsed.IsResponse);
        Assert.Equal(4, parsed.ProtocolVersion);
    }

    [Fact]
    public void TryReadFrame_WaitsForWholeBody_ThenCutsExactlyOneFrame()
    {
        // Given one full frame followed by the first bytes of another
        var first = Convert.FromHexString("830000050200000000");
        var partial = Convert.FromHexString("83000006");
        var sequence = new ReadOnlySequence<byte>([.. first, .. partial]);

        // When frames are cut
        Assert.True(FrameCodec.TryReadFrame(ref sequence, FrameHeader.MaxBodyLength, out var header, out var body));
        Assert.False(FrameCodec.TryReadFrame(ref sequence, FrameHeader.MaxBodyLength, out _, out _));

        // Then the READY frame came out and the partial one is left
        Assert.Equal(Opcode.Ready, header.Opcode);
        Assert.Equal(5, header.Stream);
        Assert.Equal(0, body.Length);
        Assert.Equal(4, sequence.Length);
    }

    [Theory]
    [InlineData("8400000108" + "7FFFFFFF")]
    [InlineData("8400000108" + "10000001")]
    [InlineData("8400000108" + "FFFFFFFF")]
    public void TryReadFrame_RejectsImpossibleLength_BeforeAnyBody(string header)
    {
        // Given a header that announces more than 256 MB (or a negative length), and no body at all
        var sequence = new ReadOnlySequence<byte>(Convert.FromHexString(header));

        // Then it is a protocol violation at once: no waiting for (or buffering of) the body
        var error = Assert.Throws<CqlProtocolException>(() => FrameCodec.TryReadFrame(ref sequence, FrameHeader.MaxBodyLength, out _, out _));
        Assert.Contains("limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BeginEndFrame_PatchesLengthAndStream()
    {
        // Given a QUERY frame built in a pooled buffer
        var buffer = FrameBuffer.Rent();
        FrameCodec.BeginFrame(buffer, 4, FrameFlags.None, 0, Opcode.Query);
        buffer.WriteLongString("SELECT 1");
        FrameCodec.EndFrame(buffer);
        FrameCodec.SetStream(buffer, 258);

        // Then the header carries the body length and stream
        var header = FrameHeader.Read(buffer.WrittenSpan);
        Assert.Equal(12, header.Length);
        Assert.Equal(258, header.Stream);
        buffer.Return();
    }

    [Fact]
    public void Lz4_RoundTripsWithBigEndianLengthPrefix()
    {
        // Given a compressible body
        var body = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("INSERT INTO t (a) VALUES (1);", 50)));
        var buffer = FrameBuffer.Rent();

        // When compressed the v3/v4 way
        Lz4Compressor.Compress(body, buffer);
        var compressed = buffer.WrittenSpan.ToArray();
        buffer.Return();

        // Then it starts with the uncompressed length, big-endian, and decompresses back
        Assert.Equal(body.Length, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(compressed));
        Assert.True(compressed.Length < body.Length);
        Assert.Equal(body, Lz4Compressor.Decompress(new ReadOnlySequence<byte>(compressed)));
    }

    [Fact]
    public void PrimitiveReader_OnTruncatedString_ThrowsProtocolError()
    {
        // Given a [string] claiming 10 bytes with only 2 present
        var bytes = Convert.FromHexString("000A4142");

        // Then reading reports a malformed body
        Assert.Throws<CqlProtocolException>(() =>
        {
            var reader = new PrimitiveReader(bytes);
            reader.ReadString();
        });
    }
}
