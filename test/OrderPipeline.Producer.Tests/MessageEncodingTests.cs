using System.Text;
using OrderPipeline.Orders;

namespace OrderPipeline.Producer.Tests;

public class MessageEncodingTests
{
    private static readonly Order Sample = new(
        Guid.Parse("53cdb2fc8bc7dce0b6741e2150273451"), Guid.Parse("b0830fb4747a6c6d20dea0b8c802d7ef"), OrderStatuses.Delivered,
        new DateTime(2018, 7, 24, 20, 41, 37), null, null, null, new DateTime(2018, 8, 13));

    [Fact]
    public void Should_KeyByCustomerThenOrder_WithBareHex()
    {
        Assert.Equal("b0830fb4747a6c6d20dea0b8c802d7ef_53cdb2fc8bc7dce0b6741e2150273451", Encoding.UTF8.GetString(OrderMessageEncoding.Key(Sample)));
        Assert.Equal(Sample.KafkaKey, Encoding.UTF8.GetString(OrderMessageEncoding.Key(Sample)));
    }

    [Fact]
    public void Should_WriteTheContractJson()
    {
        Assert.Equal(
            "{\"order_id\":\"53cdb2fc8bc7dce0b6741e2150273451\",\"customer_id\":\"b0830fb4747a6c6d20dea0b8c802d7ef\"," +
            "\"order_status\":\"delivered\",\"order_purchase_timestamp\":\"2018-07-24 20:41:37\",\"order_approved_at\":null," +
            "\"order_delivered_carrier_date\":null,\"order_delivered_customer_date\":null,\"order_estimated_delivery_date\":\"2018-08-13 00:00:00\"}",
            Encoding.UTF8.GetString(OrderMessageEncoding.Value(Sample)));
    }
}
