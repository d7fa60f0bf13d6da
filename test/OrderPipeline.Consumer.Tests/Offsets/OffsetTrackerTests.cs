using Confluent.Kafka;
using OrderPipeline.Consumer.Offsets;

namespace OrderPipeline.Consumer.Tests.Offsets;

public class OffsetTrackerTests
{
    private static TopicPartitionOffset At(int partition, long offset) =>
        new("orders", new Partition(partition), new Offset(offset));

    private static TopicPartition P(int partition) => new("orders", new Partition(partition));

    [Fact]
    public void Should_CommitPerPartition_When_PartitionsProgressIndependently()
    {
        var tracker = new OffsetTracker();
        tracker.Assign([P(0), P(1)]);
        var p0 = tracker.Track(At(0, 0));
        tracker.Track(At(0, 1));
        var p1 = tracker.Track(At(1, 7));

        p0.Complete(0);
        p1.Complete(7);

        var commits = tracker.PendingCommits().OrderBy(c => c.Partition.Value).ToList();
        Assert.Equal([At(0, 1), At(1, 8)], commits);
        tracker.MarkCommitted(commits);
        Assert.Empty(tracker.PendingCommits());
        Assert.Equal(1, tracker.InFlight);
    }

    [Fact]
    public async Task Should_DrainThenForget_When_PartitionRevoked()
    {
        // Given a write in flight on partition 2
        var tracker = new OffsetTracker();
        tracker.Assign([P(2)]);
        var p2 = tracker.Track(At(2, 40));

        // When it completes during the revoke's drain wait
        var completion = Task.Run(async () =>
        {
            await Task.Delay(50);
            p2.Complete(40);
        });
        var undrained = tracker.WaitForDrain([P(2)], TimeSpan.FromSeconds(10));
        await completion;

        // Then the revoke can commit offset 41 and forget the partition
        Assert.Empty(undrained);
        Assert.Equal([At(2, 41)], tracker.PendingCommits([P(2)]));
        tracker.Remove([P(2)]);
        Assert.Empty(tracker.Partitions);
    }

    [Fact]
    public void Should_IgnoreLateCompletion_When_PartitionReassigned()
    {
        // Given a write that outlived the revoke of its partition
        var tracker = new OffsetTracker();
        tracker.Assign([P(0)]);
        var old = tracker.Track(At(0, 5));
        Assert.Equal([P(0)], tracker.WaitForDrain([P(0)], TimeSpan.FromMilliseconds(20)));
        tracker.Remove([P(0)]);

        // When the partition comes back and the old write completes late
        tracker.Assign([P(0)]);
        var fresh = tracker.Track(At(0, 5));
        Assert.False(old.Complete(5));

        // Then the new assignment still waits for its own delivery of offset 5
        Assert.Empty(tracker.PendingCommits());
        Assert.True(fresh.Complete(5));
        Assert.Equal([At(0, 6)], tracker.PendingCommits());
    }

    [Fact]
    public void Should_CountWindowAndInFlightOverPartitions_When_PartitionsComeAndGo()
    {
        // Given two assigned partitions and a third that first appears with a message
        var tracker = new OffsetTracker();
        tracker.Assign([P(0), P(1)]);
        var p0 = tracker.Track(At(0, 0));
        tracker.Track(At(0, 1));
        tracker.Track(At(1, 5));
        var p2 = tracker.Track(At(2, 9));

        // Then every partition counts, the new one included
        Assert.Equal(3, tracker.Partitions.Count);
        Assert.Equal(4, tracker.Window);
        Assert.Equal(4, tracker.InFlight);

        // When a message completes out of order, then in order, and a partition is revoked
        p0.Complete(1);
        Assert.Equal(4, tracker.Window);
        Assert.Equal(3, tracker.InFlight);
        p0.Complete(0);
        tracker.Remove([P(2)]);

        // Then the completed ones leave the window and the revoked partition no longer counts
        Assert.False(p2.Complete(9));
        Assert.Equal(2, tracker.Partitions.Count);
        Assert.Equal(1, tracker.Window);
        Assert.Equal(1, tracker.InFlight);
    }
}
