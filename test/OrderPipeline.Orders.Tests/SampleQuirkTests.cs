using OrderPipeline.Orders.Csv;

namespace OrderPipeline.Orders.Tests;

/// <summary>The real oddities of the bundled sample (see data/README.md) are kept, not "cleaned away".</summary>
public class SampleQuirkTests
{
    private static readonly Lazy<(CleaningSummary Summary, Dictionary<string, Order> Orders)> Sample = new(() =>
    {
        var summary = new CleaningSummary();
        var orders = OrderFile.ReadCleaned(TestFiles.SamplePath, summary)
            .Where(r => r.IsValid).Select(r => r.Order!).ToDictionary(o => o.OrderIdHex);
        return (summary, orders);
    });

    private static Order Get(string id) => Sample.Value.Orders[id];

    [Fact]
    public void Should_AcceptEveryRowOfTheSample()
    {
        var (summary, orders) = Sample.Value;
        Assert.Equal(3133, summary.RowsRead);
        Assert.Equal(3133, summary.Accepted);
        Assert.Equal(0, summary.Rejected);
        Assert.Equal(0, summary.DuplicatesSuperseded);
        Assert.Equal(3133, orders.Count);
    }

    [Fact]
    public void Should_MatchTheStatusCountsOfTheSample()
    {
        var counts = Sample.Value.Orders.Values.GroupBy(o => o.Status).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(3047, counts["delivered"]);
        Assert.Equal(35, counts["shipped"]);
        Assert.Equal(17, counts["canceled"]);
        Assert.Equal(14, counts["unavailable"]);
        Assert.Equal(12, counts["processing"]);
        Assert.Equal(8, counts["invoiced"]);
    }

    [Fact]
    public void Should_TurnEmptyTimestampsIntoNull_With_TheSampleCounts()
    {
        var orders = Sample.Value.Orders.Values.ToList();
        Assert.Equal(7, orders.Count(o => o.ApprovedAt is null));
        Assert.Equal(48, orders.Count(o => o.DeliveredCarrierDate is null));
        Assert.Equal(86, orders.Count(o => o.DeliveredCustomerDate is null));
        Assert.Equal(0, orders.Count(o => o.EstimatedDeliveryDate is null));
    }

    [Fact]
    public void Should_StripQuotesFromIds_When_TheyStartWithADigit()
    {
        // First data rows: order id unquoted + customer quoted, then the reverse.
        var first = Get("e481f51cbdc54678b7cc49136f2d6af7");
        Assert.Equal("9ef432eb6251297304e76186b10a928d", first.CustomerIdHex);
        var second = Get("53cdb2fc8bc7dce0b6741e2150273451");
        Assert.Equal("b0830fb4747a6c6d20dea0b8c802d7ef", second.CustomerIdHex);
        Assert.Equal("b0830fb4747a6c6d20dea0b8c802d7ef_53cdb2fc8bc7dce0b6741e2150273451", second.KafkaKey);
    }

    [Fact]
    public void Should_KeepCanceledOrdersWithoutDeliveryDates()
    {
        var canceled = Sample.Value.Orders.Values.Where(o => o.Status == "canceled").ToList();
        Assert.Equal(7, canceled.Count(o => o.ApprovedAt is null));
        var last = Get("ed3efbd3a87bea76c2812c66a0b32219");
        Assert.Equal("canceled", last.Status);
        Assert.Equal(new DateTime(2018, 9, 20, 13, 54, 16, DateTimeKind.Utc), last.PurchaseTimestamp);
        Assert.Null(last.ApprovedAt);
        Assert.Null(last.DeliveredCarrierDate);
        Assert.Null(last.DeliveredCustomerDate);
    }

    [Fact]
    public void Should_KeepCarrierPickupBeforePurchase()
    {
        var order = Get("b9afddbdcfadc9a87b41a83271c3e888");
        Assert.True(order.DeliveredCarrierDate < order.PurchaseTimestamp);
        Assert.Equal(new DateTime(2018, 8, 16, 13, 27, 0, DateTimeKind.Utc), order.DeliveredCarrierDate);
        Assert.Equal(6, Sample.Value.Orders.Values.Count(o => o.DeliveredCarrierDate < o.PurchaseTimestamp));
    }

    [Fact]
    public void Should_KeepCarrierPickupBeforeApproval()
    {
        Assert.True(Get("dcb36b511fcac050b97cd5c05de84dc3").DeliveredCarrierDate < Get("dcb36b511fcac050b97cd5c05de84dc3").ApprovedAt);
        Assert.Equal(44, Sample.Value.Orders.Values.Count(o => o.DeliveredCarrierDate < o.ApprovedAt));
    }

    [Fact]
    public void Should_KeepApprovalEqualToPurchase()
    {
        var order = Get("a685d016c8a26f71a0bb67821070e398");
        Assert.Equal(order.PurchaseTimestamp, order.ApprovedAt);
        Assert.Equal(43, Sample.Value.Orders.Values.Count(o => o.ApprovedAt == o.PurchaseTimestamp));
    }

    [Fact]
    public void Should_KeepDeliveredWithoutCustomerDate()
    {
        var order = Get("2d1e2d5bf4dc7227b3bfebb81328c15f");
        Assert.Equal("delivered", order.Status);
        Assert.Null(order.DeliveredCustomerDate);
        Assert.NotNull(order.DeliveredCarrierDate);
    }

    [Fact]
    public void Should_KeepCanceledWithCarrierAndDeliveryDates()
    {
        foreach (var id in new[] { "714fb133a6730ab81fa1d3c1b2007291", "3a129877493c8189c59c60eb71d97c29", "1950d777989f6a877539f53795b4c3c3" })
        {
            Assert.Equal("canceled", Get(id).Status);
            Assert.NotNull(Get(id).DeliveredCarrierDate);
        }

        var late = Get("1950d777989f6a877539f53795b4c3c3");
        Assert.Equal(new DateTime(2018, 3, 21), late.DeliveredCustomerDate!.Value.Date);
        Assert.True(late.DeliveredCustomerDate > late.EstimatedDeliveryDate);
    }

    [Fact]
    public void Should_KeepDeliveriesLaterThanEstimated()
    {
        // The README counts by date: delivered on a later day than the (midnight) estimate.
        Assert.Equal(207, Sample.Value.Orders.Values.Count(o => o.DeliveredCustomerDate?.Date > o.EstimatedDeliveryDate));
    }

    [Fact]
    public void Should_KeepEstimatedDatesAtMidnightAndSampleRanges()
    {
        var orders = Sample.Value.Orders.Values.ToList();
        Assert.All(orders, o => Assert.Equal(TimeSpan.Zero, o.EstimatedDeliveryDate!.Value.TimeOfDay));
        Assert.Equal(new DateTime(2016, 10, 4, 14, 13, 22, DateTimeKind.Utc), orders.Min(o => o.PurchaseTimestamp));
        Assert.Equal(new DateTime(2018, 9, 20, 13, 54, 16, DateTimeKind.Utc), orders.Max(o => o.PurchaseTimestamp));
    }

    [Fact]
    public void Should_ReadTheSampleIdentically_When_LineEndingsAreCrlf()
    {
        var crlf = TestFiles.TempFile();
        try
        {
            File.WriteAllText(crlf, File.ReadAllText(TestFiles.SamplePath).Replace("\n", "\r\n", StringComparison.Ordinal));
            var fromCrlf = OrderFile.ReadCleaned(crlf, new CleaningSummary()).Select(r => r.Order).ToList();
            Assert.Equal(Sample.Value.Orders.Count, fromCrlf.Count);
            Assert.All(fromCrlf, o => Assert.Equal(Get(o!.OrderIdHex), o));
        }
        finally
        {
            File.Delete(crlf);
        }
    }
}
