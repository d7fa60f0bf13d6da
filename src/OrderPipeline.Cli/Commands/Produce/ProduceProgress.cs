using System.Diagnostics;
using OrderPipeline.Producer;
using Spectre.Console;

namespace OrderPipeline.Cli.Commands.Produce;

/// <summary>
/// The live view of a produce run: a progress bar with rate, ETA, in-flight and failures on a terminal; a
/// status line every few seconds when the output is redirected; nothing extra in verbose mode (the delivery
/// lines are the progress there).
/// </summary>
internal static class ProduceProgress
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan PlainEvery = TimeSpan.FromSeconds(5);

    public static async Task ShowAsync(IAnsiConsole console, Task run, ProduceStats stats, bool live)
    {
        if (!live)
        {
            await Wait(run);
            return;
        }

        if (!console.Profile.Capabilities.Interactive)
        {
            var clock = Stopwatch.StartNew();
            var last = TimeSpan.Zero;
            while (!run.IsCompleted)
            {
                await Task.WhenAny(run, Task.Delay(Tick));
                if (clock.Elapsed - last >= PlainEvery)
                {
                    last = clock.Elapsed;
                    console.WriteLine($"{stats.Phase}: sent {stats.Sent:N0}/{stats.ExpectedOrders:N0}, delivered {stats.Delivered:N0}, failed {stats.Failed:N0}");
                }
            }

            return;
        }

        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask("connecting", maxValue: 1);
                var rate = new RateMeter();
                while (!run.IsCompleted)
                {
                    await Task.WhenAny(run, Task.Delay(Tick));
                    Update(task, stats, rate.Update(stats.Delivered));
                }

                Update(task, stats, rate.Update(stats.Delivered));
                task.StopTask();
            });
    }

    private static void Update(ProgressTask task, ProduceStats stats, double rate)
    {
        if (stats.ExpectedOrders > 0)
        {
            task.MaxValue = stats.ExpectedOrders;
        }

        task.Value = Math.Min(stats.Delivered + stats.Failed, task.MaxValue);
        var failed = stats.Failed > 0 ? $" · [red]failed {stats.Failed:N0}[/]" : " · failed 0";
        task.Description = $"{stats.Phase.ToString().ToLowerInvariant()} · delivered {stats.Delivered:N0}/{stats.ExpectedOrders:N0} · " +
            $"{rate:N0}/s · in flight {stats.InFlight:N0}{failed}";
    }

    private static async Task Wait(Task run)
    {
        try
        {
            await run;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The caller awaits the run again and handles its exception there.
        }
    }

    /// <summary>Deliveries per second over the last second or so (exponentially smoothed).</summary>
    private sealed class RateMeter
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private long _lastCount;
        private TimeSpan _lastTime;
        private double _rate;

        public double Update(long count)
        {
            var now = _clock.Elapsed;
            var dt = (now - _lastTime).TotalSeconds;
            if (dt >= 0.2)
            {
                var instant = (count - _lastCount) / dt;
                _rate = _rate == 0 ? instant : (0.6 * _rate) + (0.4 * instant);
                _lastCount = count;
                _lastTime = now;
            }

            return _rate;
        }
    }
}
