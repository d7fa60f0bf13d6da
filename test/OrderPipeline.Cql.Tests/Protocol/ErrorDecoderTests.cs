using OrderPipeline.Cql;
using OrderPipeline.Cql.Protocol;
using OrderPipeline.Cql.Protocol.Responses;

namespace OrderPipeline.Cql.Tests.Protocol;

public class ErrorDecoderTests
{
    private static Frame ErrorFrame(CqlErrorCode code, Action<FrameBuffer> fields)
    {
        var buffer = FrameBuffer.Rent();
        buffer.WriteInt32((int)code);
        buffer.WriteString("boom");
        fields(buffer);
        var body = buffer.WrittenSpan.ToArray();
        buffer.Return();
        return Frame.Create(new FrameHeader(0x84, FrameFlags.None, 1, Opcode.Error, body.Length), body);
    }

    [Fact]
    public void Unavailable_CarriesFields_AndIsNotApplied()
    {
        // Given an Unavailable error at QUORUM, 2 required, 1 alive
        var frame = ErrorFrame(CqlErrorCode.Unavailable, b => { b.WriteInt16(4); b.WriteInt32(2); b.WriteInt32(1); });

        // When decoded
        var error = Assert.IsType<CqlUnavailableException>(ErrorDecoder.Decode(frame, null));

        // Then the caller knows nothing was written
        Assert.Equal(CqlConsistency.Quorum, error.Consistency);
        Assert.Equal(2, error.Required);
        Assert.Equal(1, error.Alive);
        Assert.False(error.MaybeApplied);
    }

    [Fact]
    public void WriteTimeout_CarriesFields_AndMayBeApplied()
    {
        var frame = ErrorFrame(CqlErrorCode.WriteTimeout, b => { b.WriteInt16(4); b.WriteInt32(1); b.WriteInt32(2); b.WriteString("SIMPLE"); });

        var error = Assert.IsType<CqlWriteTimeoutException>(ErrorDecoder.Decode(frame, null));

        Assert.Equal(1, error.Received);
        Assert.Equal(2, error.BlockFor);
        Assert.Equal("SIMPLE", error.WriteType);
        Assert.True(error.MaybeApplied);
    }

    [Fact]
    public void EveryErrorCode_DecodesToItsType()
    {
        // Given each code with its spec fields, Then each maps to its own exception type
        Assert.IsType<CqlServerErrorException>(ErrorDecoder.Decode(ErrorFrame(CqlErrorCode.ServerError, _ => { }), null));
        Assert.IsType<CqlServerProtocolErrorException>(ErrorDecoder.Decode(ErrorFrame(CqlErrorCode.ProtocolError, _ => { }), null));
        Assert.IsType<CqlAuthenticationException>(ErrorDecoder.Decode(ErrorFrame(CqlErrorCode.BadCredentials, _ => { }), null));
        Assert.IsType<CqlOverloadedException>(ErrorDecoder.Decode(ErrorFrame(CqlErrorCode.Overloaded, _ => { }), null));
        Assert.IsType<CqlIsBootstrappingException>(ErrorDecoder.Decode(ErrorFrame(CqlErrorCode.IsBootstrapping, _ => { }), null));
        Assert.IsType<CqlTruncateException>(ErrorDecoder.Decode(ErrorFrame(CqlErrorCode.TruncateError, _ => { }), null));
        var read = Assert.IsType<CqlReadTimeoutException>(ErrorDecoder.Decode(ErrorFrame(CqlErrorCode.ReadTimeout, b => { b.WriteInt16(1); b.WriteInt32(0); b.WriteInt32(1); b.WriteByte(0); }), null));
        Assert.False(read.DataPresent);
        var readFailure = Assert.IsType<CqlReadFailureException>(ErrorDecoder.Decode(ErrorFrame(CqlErrorCode.ReadFailure, b => { b.WriteInt16(1); b.WriteInt32(0); b.WriteInt32(1); b.WriteInt32(1); b.WriteByte(1); }), null));
        Assert.Equal(1, readFailure.Failures);
        var function = Assert.IsType<CqlFunctionFailureException>(ErrorDecoder.Decode(ErrorFrame(CqlErrorCode.FunctionFailure, b => { b.WriteString("ks"); b.WriteString("f"); b.WriteStringList(["int"]); }), null));
        Assert.Equal(["int"], function.ArgumentTypes);
        var writeFailure = Assert.IsType<CqlWriteFailureException>(ErrorDecoder.Decode(ErrorFrame(CqlErrorCode.WriteFailure, b => { b.WriteInt16(4); b.WriteInt32(1); b.WriteInt32(2); b.WriteInt32(1); b.WriteString("BATCH"); }), null));
        Assert.True(writeFailure.MaybeApplied);
        Assert.IsType<CqlSyntaxException>(ErrorDecoder.Decode(ErrorFrame(CqlErrorCode.SyntaxError, _ => { }), null));
        Assert.IsType<CqlUnauthorizedException>(ErrorDecoder.Decode(ErrorFrame(CqlErrorCode.Unauthorized, _ => { }), null));
        Assert.IsType<CqlInvalidQueryException>(ErrorDecoder.Decode(ErrorFrame(CqlErrorCode.Invalid, _ => { }), null));
        Assert.IsType<CqlConfigurationException>(ErrorDecoder.Decode(ErrorFrame(CqlErrorCode.ConfigError, _ => { }), null));
        var exists = Assert.IsType<CqlAlreadyExistsException>(ErrorDecoder.Decode(ErrorFrame(CqlErrorCode.AlreadyExists, b => { b.WriteString("ks"); b.WriteString(""); }), null));
        Assert.Equal("ks", exists.Keyspace);
        var unprepared = Assert.IsType<CqlUnpreparedException>(ErrorDecoder.Decode(ErrorFrame(CqlErrorCode.Unprepared, b => b.WriteShortBytes([1, 2])), null));
        Assert.Equal(new byte[] { 1, 2 }, unprepared.Id.ToArray());
    }

    [Fact]
    public void TruncatedErrorFields_AreProtocolErrors()
    {
        // Given an Unavailable error whose fields are cut short
        var frame = ErrorFrame(CqlErrorCode.Unavailable, b => b.WriteInt16(4));

        // Then decoding reports a malformed frame, not an index exception
        Assert.Throws<CqlProtocolException>(() => ErrorDecoder.Decode(frame, null));
    }
}
