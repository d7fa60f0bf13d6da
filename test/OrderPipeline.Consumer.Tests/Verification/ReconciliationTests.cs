using OrderPipeline.Consumer.Verification;
using OrderPipeline.Consumer.Writing;

namespace OrderPipeline.Consumer.Tests.Verification;

public class ReconciliationTests
{
    private static OrderRow Row(int n, string status = "delivered") => new(
        new Guid(n, 0, 0, new byte[8]), new Guid(n, 1, 1, new byte[8]), status,
        new DateTime(2017, 10, 2, 10, 56, 33, DateTimeKind.Utc), null, null, null,
        new DateTime(2017, 10, 18, 0, 0, 0, DateTimeKind.Utc), 10, "Monday");

    [Fact]
    public void Should_MatchAll_When_TableEqualsInput()
    {
        var r = new Reconciliation();
        for (var i = 0; i < 5; i++)
        {
            r.Expect(Row(i));
        }

        for (var i = 4; i >= 0; i--)
        {
            r.Observe(Row(i));
        }

        var result = r.Finish();
        Assert.True(result.AllMatch);
        Assert.Equal(5, result.Matched);
        Assert.Empty(result.FirstDifferences);
    }

    [Fact]
    public void Should_CountEachKindOfDifference()
    {
        // Given input 0..3; the table has 0 correct, 1 with another status, 2 twice (second key), 9 extra, 3 missing
        var r = new Reconciliation();
        for (var i = 0; i < 4; i++)
        {
            r.Expect(Row(i));
        }

        r.Observe(Row(0));
        r.Observe(Row(1, "shipped"));
        r.Observe(Row(2));
        r.Observe(Row(2) with { Purchase = new DateTime(2017, 10, 3, 0, 0, 0, DateTimeKind.Utc) });
        r.Observe(Row(9));

        var result = r.Finish();
        Assert.False(result.AllMatch);
        Assert.Equal((4L, 5L, 2L, 1L, 1L, 1L, 1L),
            (result.Expected, result.Found, result.Matched, result.Missing, result.Mismatched, result.Unexpected, result.Duplicated));
        Assert.Contains(result.FirstDifferences, d => d.Kind == "mismatched" && d.Detail == "order_status: expected delivered, stored shipped");
    }

    [Fact]
    public void Compare_TreatsMissingAndPresentTimestampsAsDifferent()
    {
        var expected = Row(1);
        var stored = expected with { Approved = new DateTime(2017, 10, 2, 11, 7, 15, DateTimeKind.Utc) };

        Assert.Equal("order_approved_at: expected null, stored 2017-10-02 11:07:15", Reconciliation.Compare(expected, stored));
        Assert.Null(Reconciliation.Compare(expected, expected with { }));
    }

    [Fact]
    public void Should_KeepOnlyTheFirstDifferences()
    {
        var r = new Reconciliation(maxDifferences: 3);
        for (var i = 0; i < 50; i++)
        {
            r.Expect(Row(i));
        }

        var result = r.Finish();
        Assert.Equal(50, result.Missing);
        Assert.Equal(3, result.FirstDifferences.Count);
    }
}
