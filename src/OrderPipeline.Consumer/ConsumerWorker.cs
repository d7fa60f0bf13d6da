using Microsoft.Extensions.Hosting;
using OrderPipeline.Kafka;

namespace OrderPipeline.Consumer;

/// <summary>
/// Hosts the blocking <see cref="ConsumeLoop"/> on its own long-running thread (Consume blocks, so it must not
/// occupy a thread-pool thread) and stops the application when the loop ends by itself (idle, limit, failure).
/// Resolves the broker profile first, so an unreachable Kafka is reported within the connect timeout.
/// </summary>
public sealed class ConsumerWorker(
    ConsumeLoop loop, ConsumerOptions options, ConsumerRunResultHolder result, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            options.Capabilities ??= await BrokerProbe.ResolveAsync(options.Kafka, stoppingToken);
        }
        catch (KafkaUnavailableException ex)
        {
            result.Result = new ConsumerRunResult(ConsumerRunOutcome.Unavailable, 0, ex.Message);
            lifetime.StopApplication();
            return;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            result.Result = new ConsumerRunResult(ConsumerRunOutcome.Stopped, 0, null);
            return;
        }

        await Task.Factory.StartNew(
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
}
