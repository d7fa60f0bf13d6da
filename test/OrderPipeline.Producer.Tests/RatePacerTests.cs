using Microsoft.Extensions.Time.Testing;

namespace OrderPipeline.Producer.Tests;

public class RatePacerTests
{
    [Fact]
    public void Should_SleepOncePerSeveralMessages_When_RateIsHigh()
    {
        // Given 5,000 orders/s (0.2 ms apart) and a clock that does not move
        var time = new FakeTimeProvider();
        var pacer = new RatePacer(5000, time);

        // When 100 messages are asked for at the same instant
        var delays = Enumerable.Range(0, 100).Select(_ => pacer.NextDelay()).ToList();

        // Then the first ones go at once and later ones wait for their slot (message 99 is due at 19.8 ms)
        Assert.Equal(TimeSpan.Zero, delays[0]);
        Assert.Equal(TimeSpan.Zero, delays[5]);
        Assert.Equal(19.8, delays[99].TotalMilliseconds, 1);
    }

    [Fact]
    public void Should_PaceToTheRate_When_CallerSleepsAsTold()
    {
        var time = new FakeTimeProvider();
        var start = time.GetUtcNow();
        var pacer = new RatePacer(1000, time);
        var sleeps = 0;
        for (var i = 0; i < 10_000; i++)
        {
            var delay = pacer.NextDelay();
            if (delay > TimeSpan.Zero)
            {
                sleeps++;
                time.Advance(delay);
            }
        }

        // 10,000 messages at 1,000/s take 10 s (the last is due at 9.999 s), with far fewer sleeps than messages.
        Assert.InRange((time.GetUtcNow() - start).TotalSeconds, 9.9, 10.0);
        Assert.InRange(sleeps, 1, 5000);
    }

    [Fact]
    public void Should_NotBurstUnbounded_When_TheSenderStalled()
    {
        var time = new FakeTimeProvider();
        var pacer = new RatePacer(100, time);
        pacer.NextDelay();
        time.Advance(TimeSpan.FromSeconds(30));

        // After a 30 s stall the schedule restarts: about one second's worth goes at once, then waits resume.
        var immediate = 0;
        while (pacer.NextDelay() == TimeSpan.Zero && immediate < 10_000)
        {
            immediate++;
        }

        Assert.InRange(immediate, 1, 5);
    }

    [Fact]
    public void Should_RejectNonPositiveRates()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RatePacer(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RatePacer(-5));
    }
}
