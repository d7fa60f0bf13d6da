using OrderPipeline.Consumer.Writing;

namespace OrderPipeline.Consumer.Tests.Writing;

public class OrderColumnsTests
{
    private static readonly Guid Customer = Guid.ParseExact("9ef432eb6251297304e76186b10a928d", "N");
    private static readonly Guid Order = Guid.ParseExact("e481f51cbdc54678b7cc49136f2d6af7", "N");

    private static DateTime At(string text) =>
        DateTime.SpecifyKind(DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

    private static OrderRow Delivered() => new(
        Customer, Order, "delivered", At("2017-10-02 10:56:33"), At("2017-10-02 11:07:15"), At("2017-10-04 19:55:00"),
        At("2017-10-10 21:25:13"), At("2017-10-18 00:00:00"), 10, "Monday");

    [Fact]
    public void WriteTimestamp_IsLatestLifecycleTime_IgnoringEstimatedDate()
    {
        // The customer delivery (2017-10-10 21:25:13) is the latest event; the estimate (10-18) is not an event.
        var expected = new DateTimeOffset(2017, 10, 10, 21, 25, 13, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1000;

        Assert.Equal(expected, Delivered().WriteTimestampMicros);
    }

    [Fact]
    public void WriteTimestamp_IsPurchaseTime_When_NoLaterEvent()
    {
        var row = Delivered() with { Approved = null, DeliveredCarrier = null, DeliveredCustomer = null };
        var expected = new DateTimeOffset(2017, 10, 2, 10, 56, 33, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1000;

        Assert.Equal(expected, row.WriteTimestampMicros);
    }

    [Fact]
    public void WriteTimestamp_GrowsAsTheOrderProgresses()
    {
        // Given the same order as approved, then shipped, then delivered
        var purchased = Delivered() with { Status = "created", Approved = null, DeliveredCarrier = null, DeliveredCustomer = null };
        var approved = purchased with { Status = "approved", Approved = At("2017-10-02 11:07:15") };
        var shipped = approved with { Status = "shipped", DeliveredCarrier = At("2017-10-04 19:55:00") };

        Assert.True(purchased.WriteTimestampMicros < approved.WriteTimestampMicros);
        Assert.True(approved.WriteTimestampMicros < shipped.WriteTimestampMicros);
        Assert.True(shipped.WriteTimestampMicros < Delivered().WriteTimestampMicros);
    }

    [Fact]
    public void Insert_NamesAllColumns_When_NothingMissing()
    {
        Assert.Equal(
            "INSERT INTO ecommerce.orders (customer_id, order_id, order_purchase_timestamp, order_status, order_approved_at, "
            + "order_delivered_carrier_date, order_delivered_customer_date, order_estimated_delivery_date, orderhour, orderdayofweek) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) USING TIMESTAMP ?",
            OrderColumns.InsertOrders("ecommerce", Delivered().NullPattern));
    }

    [Fact]
    public void Insert_LeavesOutMissingValues_So_NoTombstoneIsWritten()
    {
        // Given a canceled order: approved, never shipped nor delivered
        var canceled = Delivered() with { Status = "canceled", DeliveredCarrier = null, DeliveredCustomer = null };

        var cql = OrderColumns.InsertOrders("ks", canceled.NullPattern);
        var values = OrderColumns.OrdersValues(canceled);

        Assert.DoesNotContain("order_delivered_carrier_date", cql, StringComparison.Ordinal);
        Assert.DoesNotContain("order_delivered_customer_date", cql, StringComparison.Ordinal);
        Assert.Contains("order_approved_at", cql, StringComparison.Ordinal);
        Assert.DoesNotContain(null, values);
        Assert.Equal(cql.Count(c => c == '?'), values.Length);
    }

    [Fact]
    public void EveryPattern_HasOneMarkerPerBoundValue_InBothTables()
    {
        var full = Delivered();
        for (var pattern = 0; pattern < OrderColumns.PatternCount; pattern++)
        {
            var row = full with
            {
                Approved = (pattern & 1) != 0 ? full.Approved : null,
                DeliveredCarrier = (pattern & 2) != 0 ? full.DeliveredCarrier : null,
                DeliveredCustomer = (pattern & 4) != 0 ? full.DeliveredCustomer : null,
                EstimatedDelivery = (pattern & 8) != 0 ? full.EstimatedDelivery : null,
            };
            Assert.Equal(pattern, row.NullPattern);
            Assert.Equal(OrderColumns.InsertOrders("ks", pattern).Count(c => c == '?'), OrderColumns.OrdersValues(row).Length);
            Assert.Equal(
                OrderColumns.InsertOrdersByDay("ks", pattern & OrderColumns.ByDayPatternMask).Count(c => c == '?'),
                OrderColumns.OrdersByDayValues(row).Length);
            Assert.Equal(row.WriteTimestampMicros, OrderColumns.OrdersValues(row)[^1]);
        }
    }

    [Fact]
    public void ByDay_KeysOnThePurchaseDateAsWritten()
    {
        var late = Delivered() with { Purchase = At("2018-02-28 23:59:59") };

        Assert.Equal("2018-02-28", late.PurchaseDay);
        Assert.Equal("2018-02-28", OrderColumns.OrdersByDayValues(late)[0]);
    }

    [Fact]
    public void Values_EqualEachStatementsOwnValues_AndShareTheirBoxes()
    {
        // Given rows with every pattern of present optional values
        for (var pattern = 0; pattern < OrderColumns.PatternCount; pattern++)
        {
            var full = Delivered();
            var row = full with
            {
                Approved = (pattern & 1) != 0 ? full.Approved : null,
                DeliveredCarrier = (pattern & 2) != 0 ? full.DeliveredCarrier : null,
                DeliveredCustomer = (pattern & 4) != 0 ? full.DeliveredCustomer : null,
                EstimatedDelivery = (pattern & 8) != 0 ? full.EstimatedDelivery : null,
            };

            // When both statements' values are made at once
            var (orders, byDay) = OrderColumns.Values(row);

            // Then they equal the per-statement values, and the keys, purchase time, hour and write timestamp
            // are the same objects in both arrays
            Assert.Equal(OrderColumns.OrdersValues(row), orders);
            Assert.Equal(OrderColumns.OrdersByDayValues(row), byDay);
            Assert.Same(orders[0], byDay[2]);
            Assert.Same(orders[1], byDay[1]);
            Assert.Same(orders[2], byDay[4]);
            Assert.Same(orders[^3], byDay[^3]);
            Assert.Same(orders[^1], byDay[^1]);
            Assert.Equal(10, orders[^3]);
            Assert.Equal(row.WriteTimestampMicros, orders[^1]);
        }
    }
}
