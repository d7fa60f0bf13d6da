using OrderPipeline.Cql.Connections;

namespace OrderPipeline.Cql.Tests.Connections;

public class StreamIdPoolTests
{
    [Fact]
    public void Pool_HandsOutLowestIdsFirst_AndReusesReturnedOnes()
    {
        // Given a pool of 32768 ids (the v3+ maximum)
        var pool = new StreamIdPool(32768);

        // When three ids are rented and the middle one returned
        pool.TryRent(out var a);
        pool.TryRent(out var b);
        pool.TryRent(out var c);
        pool.Return(b);

        // Then ids start at 0 and the returned id is reused next
        Assert.Equal((0, 1, 2), (a, b, c));
        Assert.True(pool.TryRent(out var again));
        Assert.Equal(1, again);
        Assert.Equal(2, pool.HighWater);
    }

    [Fact]
    public void Pool_WhenExhausted_RefusesAndRejectsDoubleReturn()
    {
        var pool = new StreamIdPool(2);
        Assert.True(pool.TryRent(out var first));
        Assert.True(pool.TryRent(out _));
        Assert.False(pool.TryRent(out _));
        pool.Return(first);
        Assert.Equal(1, pool.Available);
        pool.TryRent(out _);
        pool.Return(0);
        pool.Return(1);
        Assert.Throws<InvalidOperationException>(() => pool.Return(1));
    }
}
