using Microsoft.Extensions.Time.Testing;
using OrderPipeline.Consumer.Writing;

namespace OrderPipeline.Consumer.Tests.Writing;

public class StoreRetryTests
{
    private sealed class TransientFailure : Exception;

    private sealed class PermanentFailure : Exception;

    private static StoreFailureKind Classify(Exception ex) =>
        ex is PermanentFailure ? StoreFailureKind.Permanent : StoreFailureKind.Transient;

    [Fact]
    public async Task Should_RetryWithBackoff_And_MarkHealthDownThenUp_When_TransientFailuresEnd()
    {
        // Given a write that fails transiently three times, then succeeds
        var time = new FakeTimeProvider();
        var health = new StoreHealth();
        var stats = new ConsumerStats();
        var retry = new StoreRetry(health, stats, new RetryBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8)), Classify, time);
        var attempts = 0;
        var healthDownSeen = false;

        var task = retry.ExecuteAsync(
            _ =>
            {
                attempts++;
                healthDownSeen |= health.IsDown;
                return attempts <= 3 ? Task.FromException(new TransientFailure()) : Task.CompletedTask;
            },
            CancellationToken.None);

        // When fake time passes in 1 s steps (the backoff waits at most 1 s, 2 s, 4 s)
        var advanced = TimeSpan.Zero;
        while (!task.IsCompleted && advanced < TimeSpan.FromMinutes(1))
        {
            time.Advance(TimeSpan.FromSeconds(1));
            advanced += TimeSpan.FromSeconds(1);
            await Task.Delay(5);
        }

        // Then the write succeeded on the 4th attempt, counted 3 retries and health is up again
        Assert.Null(await task);
        Assert.InRange(advanced, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(8));
        Assert.Equal(4, attempts);
        Assert.Equal(3, stats.Retries);
        Assert.True(healthDownSeen);
        Assert.False(health.IsDown);
    }

    [Fact]
    public async Task Should_ReturnFailureWithoutRetry_When_Permanent()
    {
        var retry = new StoreRetry(new StoreHealth(), new ConsumerStats(), RetryBackoff.Default, Classify, TimeProvider.System);
        var attempts = 0;

        var failure = await retry.ExecuteAsync(
            _ =>
            {
                attempts++;
                return Task.FromException(new PermanentFailure());
            },
            CancellationToken.None);

        Assert.IsType<PermanentFailure>(failure);
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task Should_StopRetrying_When_Cancelled()
    {
        // Given a write that never succeeds
        var time = new FakeTimeProvider();
        var health = new StoreHealth();
        var retry = new StoreRetry(health, new ConsumerStats(), RetryBackoff.Default, Classify, time);
        using var cts = new CancellationTokenSource();

        var task = retry.ExecuteAsync(_ => Task.FromException(new TransientFailure()), cts.Token);
        await cts.CancelAsync();

        // Then it ends with cancellation (the message stays unfinished), not with success
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        Assert.True(health.IsDown);
    }

    [Theory]
    [InlineData(1, 50, 100)]
    [InlineData(2, 100, 200)]
    [InlineData(4, 400, 800)]
    [InlineData(10, 2500, 5000)]
    [InlineData(1000, 2500, 5000)]
    public void Backoff_DoublesWithJitter_UpToTheCap(int failures, double minMs, double maxMs)
    {
        var backoff = new RetryBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5));
        for (var i = 0; i < 100; i++)
        {
            var delay = backoff.Delay(failures).TotalMilliseconds;
            Assert.InRange(delay, minMs, maxMs);
        }
    }
}
