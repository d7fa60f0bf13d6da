using System.Text;
using OrderPipeline.Orders.DeadLetters;

namespace OrderPipeline.Orders.Tests;

public class DeadLetterEnvelopeTests
{
    private static DeadLetterEnvelope Sample() => DeadLetterEnvelope.Create(
        new Rejection(0, RejectReason.BadOrderId, "order_id 'not-an-id' is not 32 hex digits"),
        "ecommerce-orders", 2, 41, "key"u8, [0xFF, 0x00, 0x7B], hasKey: true, hasValue: true,
        new DateTimeOffset(2018, 1, 2, 3, 4, 5, 678, TimeSpan.Zero));

    [Fact]
    public void Should_MatchGolden()
    {
        var golden = File.ReadAllText(Path.Combine(TestFiles.GoldenDirectory, "dlq_envelope.json")).TrimEnd('\n');
        Assert.Equal(golden, Encoding.UTF8.GetString(Sample().ToUtf8Json()));
    }

    [Fact]
    public void Should_PreserveArbitraryOriginalBytes_When_RoundTripped()
    {
        var parsed = DeadLetterEnvelope.Parse(Sample().ToUtf8Json())!;
        Assert.Equal(new byte[] { 0xFF, 0x00, 0x7B }, parsed.OriginalValue());
        Assert.Equal("key"u8.ToArray(), parsed.OriginalKey());
        Assert.Equal(Sample(), parsed);
    }

    [Fact]
    public void Should_UseNull_When_KeyOrValueAbsent()
    {
        var envelope = DeadLetterEnvelope.Create(new Rejection(0, RejectReason.NotJson, "empty"), "t", 0, 0, default, default,
            hasKey: false, hasValue: false, DateTimeOffset.UnixEpoch);
        Assert.Null(envelope.OriginalKey());
        Assert.Null(envelope.OriginalValue());
        Assert.Contains("\"key_base64\":null", Encoding.UTF8.GetString(envelope.ToUtf8Json()), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ExposeTheSameFactsAsHeaders()
    {
        var headers = Sample().ToHeaders().ToDictionary(h => h.Key, h => Encoding.UTF8.GetString(h.Value));
        Assert.Equal("BadOrderId", headers[DeadLetterEnvelope.HeaderReason]);
        Assert.Equal("2", headers[DeadLetterEnvelope.HeaderPartition]);
        Assert.Equal("41", headers[DeadLetterEnvelope.HeaderOffset]);
        Assert.Equal("ecommerce-orders", headers[DeadLetterEnvelope.HeaderTopic]);
    }
}
