using System.Text;
using OrderPipeline.Orders.Generation;
using OrderPipeline.Orders.Json;

namespace OrderPipeline.Orders.Tests;

public class OrderJsonFastReaderTests
{
    private const string Ids = "\"order_id\":\"e481f51cbdc54678b7cc49136f2d6af7\",\"customer_id\":\"9ef432eb6251297304e76186b10a928d\"";
    private const string Rest = "\"order_status\":\"delivered\",\"order_purchase_timestamp\":\"2017-10-02 10:56:33\","
        + "\"order_approved_at\":\"2017-10-02 11:07:15\",\"order_delivered_carrier_date\":null,"
        + "\"order_delivered_customer_date\":\"\",\"order_estimated_delivery_date\":\"2017-10-18 00:00:00\"";

    private const string Plain = "{" + Ids + "," + Rest + "}";

    /// <summary>Shapes the fast reader accepts: it must give exactly the general path's order.</summary>
    public static TheoryData<string> Accepted => new()
    {
        Plain,
        " {\n " + Rest + " ,\t" + Ids + " }\r\n",
        Plain.Replace("e481f51cbdc54678b7cc49136f2d6af7", "  E481F51CBDC54678B7CC49136F2D6AF7 ", StringComparison.Ordinal),
        Plain.Replace("\"delivered\"", "\" Delivered \"", StringComparison.Ordinal),
        Plain.Replace("\"2017-10-02 11:07:15\"", "\" 2017-10-02 11:07:15 \"", StringComparison.Ordinal),
        Plain.Replace("\"2017-10-02 11:07:15\"", "\"   \"", StringComparison.Ordinal),
    };

    /// <summary>Shapes left to the general path (which may accept or reject them).</summary>
    public static TheoryData<string> Declined => new()
    {
        Plain.Replace("\"delivered\"", "\"deliv\\u0065red\"", StringComparison.Ordinal),
        Plain.Replace("\"order_status\"", "\"order_\\u0073tatus\"", StringComparison.Ordinal),
        Plain.Replace("{", "{\"extra\":1,", StringComparison.Ordinal),
        Plain.Replace("}", ",\"order_status\":\"shipped\"}", StringComparison.Ordinal),
        Plain.Replace("\"delivered\"", "\"délivered\"", StringComparison.Ordinal),
        Plain.Replace("\"delivered\"", "42", StringComparison.Ordinal),
        Plain.Replace("\"order_delivered_carrier_date\":null,", "", StringComparison.Ordinal),
        Plain.Replace("\"order_delivered_carrier_date\":null", "\"order_delivered_carrier_date\":\"" + new string(' ', 65) + "\"", StringComparison.Ordinal),
        Plain.Replace("\"delivered\"", "null", StringComparison.Ordinal),
        Plain.Replace("\"delivered\"", "\"  \"", StringComparison.Ordinal),
        Plain.Replace("\"delivered\"", "\"lost\"", StringComparison.Ordinal),
        Plain.Replace("e481f51cbdc54678b7cc49136f2d6af7", "e481f51cbdc54678b7cc49136f2d6af", StringComparison.Ordinal),
        Plain.Replace("\"2017-10-02 11:07:15\"", "\"2017-10-02T11:07:15Z\"", StringComparison.Ordinal),
        Plain + " {}",
        Plain + "x",
        Plain[..^1],
        Plain.Replace("}", ",}", StringComparison.Ordinal),
        "[" + Plain + "]",
        "null",
        "",
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Should_GiveTheGeneralPathsOrder_When_TheShapeIsPlain(string json)
    {
        // Given a message the general path accepts
        var bytes = Encoding.UTF8.GetBytes(json);
        var expected = OrderJson.DeserializeGeneral(bytes, out var generalRejection);
        Assert.Null(generalRejection);

        // When the fast reader reads it, then it takes it and builds the same order
        Assert.True(OrderJsonFastReader.TryRead(bytes, out var order));
        Assert.Equal(expected, order);
        Assert.Equal(expected, OrderJson.Deserialize(bytes, out var rejection));
        Assert.Null(rejection);
    }

    [Theory]
    [MemberData(nameof(Declined))]
    public void Should_LeaveTheMessageToTheGeneralPath_When_TheShapeIsNotPlain(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);

        Assert.False(OrderJsonFastReader.TryRead(bytes, out var order));
        Assert.Null(order);

        // Deserialize answers exactly as the general path does, rejection text included
        var expected = OrderJson.DeserializeGeneral(bytes, out var expectedRejection);
        Assert.Equal(expected, OrderJson.Deserialize(bytes, out var rejection));
        Assert.Equal(expectedRejection, rejection);
    }

    [Fact]
    public void Should_ReadEveryGeneratedOrder_AsTheGeneralPathDoes()
    {
        // Given the producer's encoding of 2,000 generated orders (every status and null pattern the generator makes)
        var path = Path.Combine(Path.GetTempPath(), $"fast-reader-{Guid.NewGuid():N}.csv");
        List<Order> orders;
        try
        {
            OrderGenerator.WriteFile(path, 2_000, seed: 11);
            orders = [.. Csv.OrderFile.ReadCleaned(path, new CleaningSummary()).Select(r => r.Order).OfType<Order>()];
        }
        finally
        {
            File.Delete(path);
        }

        Assert.Equal(2_000, orders.Count);
        Assert.Contains(orders, o => o.ApprovedAt is null);
        foreach (var order in orders)
        {
            var bytes = OrderJson.SerializeToUtf8Bytes(order);

            // Then the fast reader takes each one and gives the same order as the general path
            Assert.True(OrderJsonFastReader.TryRead(bytes, out var fast));
            Assert.Equal(OrderJson.DeserializeGeneral(bytes, out _), fast);
            Assert.Equal(order, fast);
        }
    }
}
