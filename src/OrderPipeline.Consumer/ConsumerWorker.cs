using Microsoft.Extensions.Hosting;

namespace OrderPipeline.Consumer;

/// <summary>
/// Hosts the blocking <see cref="ConsumeLoop"/> on its own long-running thread (Consume blocks, so it must not
/// occupy a thread-pool thread) and stops the application when the loop ends by itself (idle, limit, failure).
/// </summary>
public sealed class ConsumerWorker(
    ConsumeLoop loop, ConsumerRunResultHolder result, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(
            () =>
            {
                try
                {
                    result.Result = loop.Run(stoppingToken);
                }
                finally
                {
                    lifetime.StopApplication();
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
}
