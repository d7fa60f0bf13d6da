using System.Text;
using OrderPipeline.Orders.Json;

namespace OrderPipeline.Orders.Tests;

public class JsonContractTests
{
    private static string Golden(string name) =>
        File.ReadAllText(Path.Combine(TestFiles.GoldenDirectory, name)).TrimEnd('\n');

    private static Order Full() => new(
        Guid.Parse("e481f51cbdc54678b7cc49136f2d6af7"), Guid.Parse("9ef432eb6251297304e76186b10a928d"), OrderStatuses.Delivered,
        new DateTime(2017, 10, 2, 10, 56, 33), new DateTime(2017, 10, 2, 11, 7, 15), new DateTime(2017, 10, 4, 19, 55, 0),
        new DateTime(2017, 10, 10, 21, 25, 13), new DateTime(2017, 10, 18));

    private static Order Canceled() => new(
        Guid.Parse("ed3efbd3a87bea76c2812c66a0b32219"), Guid.Parse("191984a8ba4cbb2145acb4fe35b69664"), OrderStatuses.Canceled,
        new DateTime(2018, 9, 20, 13, 54, 16), null, null, null, new DateTime(2018, 10, 17));

    [Fact]
    public void Should_MatchGolden_When_AllTimestampsPresent()
    {
        Assert.Equal(Golden("order_full.json"), OrderJson.Serialize(Full()));
    }

    [Fact]
    public void Should_WriteNullForMissingTimestamps_MatchingGolden()
    {
        Assert.Equal(Golden("order_missing_timestamps.json"), OrderJson.Serialize(Canceled()));
    }

    [Fact]
    public void Should_RoundTrip_When_ReadingOwnOutput()
    {
        foreach (var order in new[] { Full(), Canceled() })
        {
            var parsed = OrderJson.Deserialize(OrderJson.SerializeToUtf8Bytes(order), out var rejection);
            Assert.Null(rejection);
            Assert.Equal(order, parsed);
        }
    }

    [Fact]
    public void Should_AcceptEmptyStringsForMissing_When_ProducerUsedFillna()
    {
        var parsed = OrderJson.Deserialize(Encoding.UTF8.GetBytes(Golden("order_fillna_empty_strings.json")), out var rejection);
        Assert.Null(rejection);
        Assert.Equal(Canceled(), parsed);
        Assert.Null(parsed!.ApprovedAt);
    }

    [Fact]
    public void Should_RoundTripEverySampleOrder()
    {
        var summary = new CleaningSummary();
        foreach (var record in Csv.OrderFile.ReadCleaned(TestFiles.SamplePath, summary))
        {
            var json = OrderJson.SerializeToUtf8Bytes(record.Order!);
            Assert.Equal(record.Order, OrderJson.Deserialize(json, out _));
        }

        Assert.Equal(3133, summary.Accepted);
    }

    [Theory]
    [InlineData("not json", RejectReason.NotJson, "")]
    [InlineData("{\"order_id\":", RejectReason.NotJson, "")]
    [InlineData("[1,2]", RejectReason.NotJson, "")]
    [InlineData("null", RejectReason.NotJson, "null")]
    [InlineData("{}", RejectReason.MissingField, "order_id is absent")]
    [InlineData("{\"order_id\":\"e481f51cbdc54678b7cc49136f2d6af7\",\"customer_id\":\"9ef432eb6251297304e76186b10a928d\",\"order_status\":\"delivered\",\"order_purchase_timestamp\":\"2017-10-02 10:56:33\",\"order_approved_at\":null,\"order_delivered_carrier_date\":null,\"order_delivered_customer_date\":null}", RejectReason.MissingField, "order_estimated_delivery_date is absent")]
    [InlineData("{\"order_id\":null,\"customer_id\":\"9ef432eb6251297304e76186b10a928d\",\"order_status\":\"delivered\",\"order_purchase_timestamp\":\"2017-10-02 10:56:33\",\"order_approved_at\":null,\"order_delivered_carrier_date\":null,\"order_delivered_customer_date\":null,\"order_estimated_delivery_date\":null}", RejectReason.MissingField, "order_id is null")]
    [InlineData("{\"order_id\":\"e481f51cbdc54678b7cc49136f2d6af7\",\"customer_id\":\"9ef432eb6251297304e76186b10a928d\",\"order_status\":\"delivered\",\"order_purchase_timestamp\":\"\",\"order_approved_at\":null,\"order_delivered_carrier_date\":null,\"order_delivered_customer_date\":null,\"order_estimated_delivery_date\":null}", RejectReason.MissingField, "order_purchase_timestamp")]
    [InlineData("{\"order_id\":12,\"customer_id\":\"9ef432eb6251297304e76186b10a928d\",\"order_status\":\"delivered\",\"order_purchase_timestamp\":\"2017-10-02 10:56:33\",\"order_approved_at\":null,\"order_delivered_carrier_date\":null,\"order_delivered_customer_date\":null,\"order_estimated_delivery_date\":null}", RejectReason.WrongType, "order_id is a JSON Number")]
    [InlineData("{\"order_id\":\"e481f51cbdc54678b7cc49136f2d6af7\",\"customer_id\":\"9ef432eb6251297304e76186b10a928d\",\"order_status\":\"delivered\",\"order_purchase_timestamp\":\"2017-10-02 10:56:33\",\"order_approved_at\":{\"a\":[1]},\"order_delivered_carrier_date\":null,\"order_delivered_customer_date\":null,\"order_estimated_delivery_date\":null}", RejectReason.WrongType, "order_approved_at is a JSON StartObject")]
    [InlineData("{\"order_id\":\"xyz\",\"customer_id\":\"9ef432eb6251297304e76186b10a928d\",\"order_status\":\"delivered\",\"order_purchase_timestamp\":\"2017-10-02 10:56:33\",\"order_approved_at\":null,\"order_delivered_carrier_date\":null,\"order_delivered_customer_date\":null,\"order_estimated_delivery_date\":null}", RejectReason.BadOrderId, "order_id 'xyz'")]
    [InlineData("{\"order_id\":\"e481f51cbdc54678b7cc49136f2d6af7\",\"customer_id\":\"9ef432eb-6251-2973-04e7-6186b10a928d\",\"order_status\":\"delivered\",\"order_purchase_timestamp\":\"2017-10-02 10:56:33\",\"order_approved_at\":null,\"order_delivered_carrier_date\":null,\"order_delivered_customer_date\":null,\"order_estimated_delivery_date\":null}", RejectReason.BadCustomerId, "customer_id")]
    [InlineData("{\"order_id\":\"e481f51cbdc54678b7cc49136f2d6af7\",\"customer_id\":\"9ef432eb6251297304e76186b10a928d\",\"order_status\":\"teleported\",\"order_purchase_timestamp\":\"2017-10-02 10:56:33\",\"order_approved_at\":null,\"order_delivered_carrier_date\":null,\"order_delivered_customer_date\":null,\"order_estimated_delivery_date\":null}", RejectReason.UnknownStatus, "'teleported'")]
    [InlineData("{\"order_id\":\"e481f51cbdc54678b7cc49136f2d6af7\",\"customer_id\":\"9ef432eb6251297304e76186b10a928d\",\"order_status\":\"delivered\",\"order_purchase_timestamp\":\"2017-02-30 10:56:33\",\"order_approved_at\":null,\"order_delivered_carrier_date\":null,\"order_delivered_customer_date\":null,\"order_estimated_delivery_date\":null}", RejectReason.BadPurchaseTimestamp, "not a real date")]
    [InlineData("{\"order_id\":\"e481f51cbdc54678b7cc49136f2d6af7\",\"customer_id\":\"9ef432eb6251297304e76186b10a928d\",\"order_status\":\"delivered\",\"order_purchase_timestamp\":\"2017-10-02 10:56:33\",\"order_approved_at\":\"2017-10-02T11:07:15Z\",\"order_delivered_carrier_date\":null,\"order_delivered_customer_date\":null,\"order_estimated_delivery_date\":null}", RejectReason.BadTimestamp, "order_approved_at")]
    public void Should_GivePreciseReason_When_MessageIsPoison(string json, RejectReason reason, string detailContains)
    {
        Assert.Null(OrderJson.Deserialize(Encoding.UTF8.GetBytes(json), out var rejection));
        Assert.NotNull(rejection);
        Assert.Equal(reason, rejection.Reason);
        Assert.Contains(detailContains, rejection.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_RejectAsNotJson_When_BytesAreNotUtf8()
    {
        byte[] garbage = [0xFF, 0xFE, 0x7B, 0x00, 0x80];
        Assert.Null(OrderJson.Deserialize(garbage, out var rejection));
        Assert.Equal(RejectReason.NotJson, rejection!.Reason);
    }

    [Fact]
    public void Should_RejectWithShortDetail_When_MessageIsHuge()
    {
        var json = Golden("order_full.json").Replace("e481f51cbdc54678b7cc49136f2d6af7", new string('e', 5_000_000), StringComparison.Ordinal);
        Assert.Null(OrderJson.Deserialize(Encoding.UTF8.GetBytes(json), out var rejection));
        Assert.Equal(RejectReason.BadOrderId, rejection!.Reason);
        Assert.True(rejection.Detail.Length < 200);
    }

    [Fact]
    public void Should_IgnoreUnknownExtraFields()
    {
        var json = Golden("order_full.json").Replace("}", ",\"OrderHour\":10,\"extra\":[1,{\"x\":2}]}", StringComparison.Ordinal);
        Assert.Equal(Full(), OrderJson.Deserialize(Encoding.UTF8.GetBytes(json), out _));
    }
}
