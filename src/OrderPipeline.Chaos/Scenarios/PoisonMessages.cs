using System.Text;
using OrderPipeline.Orders;

namespace OrderPipeline.Chaos.Scenarios;

/// One poison message: what it is, its bytes, and the dead-letter reason the consumer must give it.
public sealed record PoisonMessage(string Name, byte[] Key, byte[]? Value, RejectReason ExpectedReason)
{
    public string KeyText => Encoding.UTF8.GetString(Key);
}

/// The poison set of scenario 8: every way a message can be unusable as an order. Keys are "poison-NN-name"
/// so each dead letter can be matched to its message; none is the key of a real order.
public static class PoisonMessages
{
    /// Below Kafka 0.9's default message.max.bytes (1,000,012), so the broker accepts it and the consumer
    /// must cope with it; its dead letter (base64 makes it larger) has to be truncated to fit.
    public const int HugeBytes = 900_000;

    private const string Valid =
        "{\"order_id\":\"e481f51cbdc54678b7cc49136f2d6af7\",\"customer_id\":\"9ef432eb6251297304e76186b10a928d\","
        + "\"order_status\":\"delivered\",\"order_purchase_timestamp\":\"2017-10-02 10:56:33\","
        + "\"order_approved_at\":\"2017-10-02 11:07:15\",\"order_delivered_carrier_date\":\"2017-10-04 19:55:00\","
        + "\"order_delivered_customer_date\":\"2017-10-10 21:25:13\",\"order_estimated_delivery_date\":\"2017-10-18 00:00:00\"}";

    public static IReadOnlyList<PoisonMessage> All()
    {
        var random = new Random(8);
        var garbage = new byte[512];
        random.NextBytes(garbage);
        garbage[0] = 0xFF; // never valid UTF-8 nor a JSON start
        (string Name, byte[]? Value, RejectReason Reason)[] cases =
        [
            ("plain-text", Utf8("hello, this is not JSON"), RejectReason.NotJson),
            ("random-bytes", garbage, RejectReason.NotJson),
            ("truncated-json", Utf8(Valid[..(Valid.Length / 2)]), RejectReason.NotJson),
            ("json-array", Utf8("[1,2,3]"), RejectReason.NotJson),
            ("json-null", Utf8("null"), RejectReason.NotJson),
            ("empty-value", [], RejectReason.NotJson),
            ("no-value", null, RejectReason.NotJson),
            ("csv-line-instead-of-json", Utf8("e481f51cbdc54678b7cc49136f2d6af7,9ef432eb6251297304e76186b10a928d,delivered"), RejectReason.NotJson),
            ("order-id-number", Utf8(Valid.Replace("\"e481f51cbdc54678b7cc49136f2d6af7\"", "12345", StringComparison.Ordinal)), RejectReason.WrongType),
            ("status-boolean", Utf8(Valid.Replace("\"delivered\"", "true", StringComparison.Ordinal)), RejectReason.WrongType),
            ("purchase-object", Utf8(Valid.Replace("\"2017-10-02 10:56:33\"", "{\"t\":1}", StringComparison.Ordinal)), RejectReason.WrongType),
            ("customer-id-absent", Utf8(Valid.Replace("\"customer_id\":\"9ef432eb6251297304e76186b10a928d\",", "", StringComparison.Ordinal)), RejectReason.MissingField),
            ("status-null", Utf8(Valid.Replace("\"delivered\"", "null", StringComparison.Ordinal)), RejectReason.MissingField),
            ("unknown-status", Utf8(Valid.Replace("\"delivered\"", "\"teleported\"", StringComparison.Ordinal)), RejectReason.UnknownStatus),
            ("order-id-non-hex", Utf8(Valid.Replace("e481f51cbdc54678b7cc49136f2d6af7", "g481f51cbdc54678b7cc49136f2d6af7", StringComparison.Ordinal)), RejectReason.BadOrderId),
            ("order-id-too-short", Utf8(Valid.Replace("e481f51cbdc54678b7cc49136f2d6af7", "e481f51cbdc54678b7cc49136f2d6af", StringComparison.Ordinal)), RejectReason.BadOrderId),
            ("customer-id-sql", Utf8(Valid.Replace("9ef432eb6251297304e76186b10a928d", "'; DROP TABLE orders; --", StringComparison.Ordinal)), RejectReason.BadCustomerId),
            ("impossible-date", Utf8(Valid.Replace("2017-10-02 10:56:33", "2017-02-30 10:56:33", StringComparison.Ordinal)), RejectReason.BadPurchaseTimestamp),
            ("timestamp-with-zone", Utf8(Valid.Replace("2017-10-04 19:55:00", "2017-10-04T19:55:00Z", StringComparison.Ordinal)), RejectReason.BadTimestamp),
            ("huge-message", Utf8(Valid.Replace("\"delivered\"", "\"" + new string('x', HugeBytes) + "\"", StringComparison.Ordinal)), RejectReason.UnknownStatus),
        ];
        return [.. cases.Select((c, i) => new PoisonMessage(c.Name, Utf8($"poison-{i + 1:00}-{c.Name}"), c.Value, c.Reason))];
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
