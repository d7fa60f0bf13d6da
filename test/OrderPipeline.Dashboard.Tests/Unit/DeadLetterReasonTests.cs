using System.Text;
using OrderPipeline.Dashboard.Health;
using OrderPipeline.Orders.DeadLetters;

namespace OrderPipeline.Dashboard.Tests.Unit;

public class DeadLetterReasonTests
{
    [Fact]
    public void Should_ShowReasonAndDetail_When_ValueIsEnvelope()
    {
        var envelope = new DeadLetterEnvelope
        {
            Reason = "InvalidTimestamp",
            Detail = "order_purchase_timestamp 'yesterday' is not yyyy-MM-dd HH:mm:ss",
            Topic = "ecommerce-orders",
            DeadLetteredAt = "2026-11-24T22:00:00.000Z",
        };

        var reason = DeadLetterPeek.Reason(envelope.ToUtf8Json());

        Assert.Equal("InvalidTimestamp: order_purchase_timestamp 'yesterday' is not yyyy-MM-dd HH:mm:ss", reason);
    }

    [Fact]
    public void Should_ShowRawStart_When_ValueIsNotEnvelope()
    {
        var raw = Encoding.UTF8.GetBytes("not json at all " + new string('x', 500));

        var reason = DeadLetterPeek.Reason(raw);

        Assert.StartsWith("not json at all", reason, StringComparison.Ordinal);
        Assert.True(reason.Length <= 241);
    }
}
