using OrderPipeline.Consumer.Offsets;

namespace OrderPipeline.Consumer.Tests.Offsets;

public class PartitionOffsetsTests
{
    [Fact]
    public void Should_HaveNothingToCommit_When_NothingTracked()
    {
        var p = new PartitionOffsets("t", 0);

        Assert.Equal(-1, p.Committable);
        Assert.Null(p.PendingCommit());
    }

    [Fact]
    public void Should_CommitOnlyContiguousPrefix_When_CompletedOutOfOrder()
    {
        // Given offsets 10..14 in flight
        var p = new PartitionOffsets("t", 0);
        for (long o = 10; o < 15; o++)
        {
            p.Track(o);
        }

        // When later ones finish first, the lowest unfinished offset holds the commit back
        p.Complete(12);
        p.Complete(14);
        Assert.Equal(10, p.Committable);

        p.Complete(10);
        Assert.Equal(11, p.Committable);

        p.Complete(11);
        Assert.Equal(13, p.Committable);

        p.Complete(13);
        Assert.Equal(15, p.Committable);
        Assert.Equal(0, p.InFlight);
        Assert.Equal(0, p.Window);
    }

    [Fact]
    public void Should_SkipOffsetGaps_When_TrackedOffsetsAreNotDense()
    {
        // Given a compacted partition where offsets 3 and 4 do not exist
        var p = new PartitionOffsets("t", 0);
        p.Track(2);
        p.Track(5);

        p.Complete(2);
        Assert.Equal(5, p.Committable);

        p.Complete(5);
        Assert.Equal(6, p.Committable);
    }

    [Fact]
    public void Should_IgnoreDuplicateAndUnknownCompletions()
    {
        var p = new PartitionOffsets("t", 0);
        p.Track(0);
        p.Track(1);

        Assert.True(p.Complete(1));
        Assert.False(p.Complete(1));
        Assert.False(p.Complete(7));
        Assert.Equal(2, p.InFlight + 1);
        Assert.Equal(0, p.Committable);
    }

    [Fact]
    public void Should_Reject_When_OffsetsGoBackwards()
    {
        var p = new PartitionOffsets("t", 0);
        p.Track(5);

        Assert.Throws<InvalidOperationException>(() => p.Track(5));
        Assert.Throws<InvalidOperationException>(() => p.Track(3));
    }

    [Fact]
    public void Should_ReportEachCommitOnce()
    {
        var p = new PartitionOffsets("t", 0);
        p.Track(0);
        Assert.Null(p.PendingCommit());
        p.Complete(0);

        Assert.Equal(1, p.PendingCommit());
        p.MarkCommitted(1);
        Assert.Null(p.PendingCommit());

        p.Track(1);
        Assert.Null(p.PendingCommit());
        p.Complete(1);
        Assert.Equal(2, p.PendingCommit());
    }

    [Fact]
    public void Should_IgnoreCompletions_When_Detached()
    {
        var p = new PartitionOffsets("t", 0);
        p.Track(0);
        p.Detach();

        Assert.False(p.Complete(0));
        Assert.Equal(0, p.Committable);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Should_NeverCommitPastAnUnfinishedOffset_When_CompletionOrderIsRandom(int seed)
    {
        // Given up to 64 messages in flight completing in random order, with random gaps between offsets
        var random = new Random(seed);
        var p = new PartitionOffsets("t", seed);
        var inFlight = new List<long>();
        var finished = new SortedSet<long>();
        var tracked = new List<long>();
        long next = random.Next(0, 1000);
        for (var step = 0; step < 5_000; step++)
        {
            if (inFlight.Count < 64 && random.Next(3) != 0)
            {
                p.Track(next);
                tracked.Add(next);
                inFlight.Add(next);
                next += 1 + (random.Next(10) == 0 ? random.Next(1, 5) : 0);
            }
            else if (inFlight.Count > 0)
            {
                var i = random.Next(inFlight.Count);
                var offset = inFlight[i];
                inFlight.RemoveAt(i);
                Assert.True(p.Complete(offset));
                finished.Add(offset);
            }

            if (tracked.Count == 0)
            {
                continue;
            }

            // Then the committable offset is exactly the lowest unfinished tracked offset
            // (or one past the last tracked one), so it never covers an unfinished message.
            var expected = inFlight.Count > 0 ? inFlight.Min() : tracked[^1] + 1;
            Assert.Equal(expected, p.Committable);
            if (step % 250 == 0)
            {
                Assert.All(tracked.Where(o => o < p.Committable), o => Assert.Contains(o, finished));
            }

            Assert.Equal(inFlight.Count, p.InFlight);
        }
    }

    [Fact]
    public async Task Should_CountEveryCompletion_When_CompletedConcurrently()
    {
        // Given 20,000 tracked offsets completed from many threads at once
        var p = new PartitionOffsets("t", 0);
        const int count = 20_000;
        for (long o = 0; o < count; o++)
        {
            p.Track(o);
        }

        var order = Enumerable.Range(0, count).OrderBy(_ => Random.Shared.Next()).ToArray();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(() =>
        {
            for (var i = w; i < count; i += 8)
            {
                p.Complete(order[i]);
            }
        })));

        Assert.Equal(count, p.Committable);
        Assert.Equal(0, p.InFlight);
        Assert.True(p.WaitForDrain(TimeSpan.Zero));
    }

    [Fact]
    public async Task Should_WaitForDrain_Until_LastWriteCompletes()
    {
        // Given two writes in flight
        var p = new PartitionOffsets("t", 0);
        p.Track(0);
        p.Track(1);
        p.Complete(1);

        // When the last one completes a little later
        var waiter = Task.Run(() => p.WaitForDrain(TimeSpan.FromSeconds(10)));
        await Task.Delay(50);
        Assert.False(waiter.IsCompleted);
        p.Complete(0);

        // Then the wait ends and everything is committable
        Assert.True(await waiter);
        Assert.Equal(2, p.Committable);
    }

    [Fact]
    public void Should_TimeOut_When_WriteNeverCompletes()
    {
        var p = new PartitionOffsets("t", 0);
        p.Track(0);

        Assert.False(p.WaitForDrain(TimeSpan.FromMilliseconds(50)));
        Assert.Equal(0, p.Committable);
    }
}
