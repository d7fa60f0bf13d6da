using OrderPipeline.Orders.Csv;
using OrderPipeline.Orders.Json;

namespace OrderPipeline.Orders.Tests;

public class OrderJsonWriterTests
{
    [Fact]
    public void Should_WriteTheContractsBytes_When_EncodingEverySampleOrder()
    {
        // Given every order of the bundled sample (all null patterns and statuses of the real data)
        var orders = OrderFile.ReadCleaned(TestFiles.SamplePath, new CleaningSummary()).Where(r => r.IsValid).Select(r => r.Order!).ToList();
        Assert.True(orders.Count > 3000);
        Assert.Contains(orders, o => o.ApprovedAt is null);
        Assert.Contains(orders, o => o.DeliveredCustomerDate is null);

        // When each is written by the direct writer and by System.Text.Json's source-generated contract
        // Then the bytes are identical
        foreach (var order in orders)
        {
            Assert.Equal(OrderJson.SerializeWithContract(order), OrderJsonWriter.ToUtf8Bytes(order));
        }
    }

    [Fact]
    public void Should_Refuse_When_StatusWouldNeedEscaping()
    {
        // Given an order whose status JSON would have to escape (the validator never produces one)
        var order = new Order(Guid.NewGuid(), Guid.NewGuid(), "de\"livered", new DateTime(2017, 10, 2), null, null, null, null);

        // When / Then it is refused rather than written as invalid JSON
        Assert.Throws<ArgumentException>(() => OrderJsonWriter.ToUtf8Bytes(order));
    }
}
