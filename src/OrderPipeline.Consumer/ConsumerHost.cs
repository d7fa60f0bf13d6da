using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderPipeline.Consumer.DeadLetters;
using OrderPipeline.Consumer.Writing;

namespace OrderPipeline.Consumer;

/// <summary>Composes the worker into a Generic Host: the consume loop, its handler, retries, dead letters.</summary>
public static class ConsumerHost
{
    /// <param name="store">A connected, prepared order store (owned by the caller).</param>
    public static IServiceCollection AddOrderConsumer(
        this IServiceCollection services,
        ConsumerOptions options,
        IOrderStore store,
        IConsumerObserver? observer = null,
        ConsumerStats? stats = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        options.Validate();
        services.AddSingleton(options);
        services.AddSingleton(store);
        services.AddSingleton(stats ?? new ConsumerStats());
        services.AddSingleton(observer ?? NullConsumerObserver.Instance);
        services.AddSingleton<StoreHealth>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ConsumerRunResultHolder>();
        services.AddSingleton(sp => new StoreRetry(
            sp.GetRequiredService<StoreHealth>(),
            sp.GetRequiredService<ConsumerStats>(),
            RetryBackoff.Default,
            store.ClassifyFailure,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IDeadLetterSink>(sp => new KafkaDeadLetterSink(
            options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<KafkaDeadLetterSink>>()));
        services.AddSingleton<IMessageHandler, OrderMessageHandler>();
        services.AddSingleton<ConsumeLoop>();
        services.AddHostedService<ConsumerWorker>();
        services.Configure<HostOptions>(o => o.ShutdownTimeout = options.ShutdownDrainTimeout + TimeSpan.FromSeconds(15));
        return services;
    }
}
