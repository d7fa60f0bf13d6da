using System.ComponentModel;
using OrderPipeline.Consumer;
using OrderPipeline.Consumer.Cassandra;
using OrderPipeline.Kafka;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrderPipeline.Cli.Commands;

[Description("Consume orders from Kafka and store them in Cassandra at QUORUM (at-least-once, idempotent).")]
internal sealed class ConsumeCommand(IAnsiConsole console) : AsyncCommand<ConsumeSettings>
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(10);

    public override async Task<int> ExecuteAsync(CommandContext context, ConsumeSettings settings, CancellationToken cancellationToken)
    {
        var kafka = settings.ResolveKafka();
        kafka.DeadLetterTopic = settings.DeadLetterTopic;
        kafka.GroupId = settings.Group;
        var options = new ConsumerOptions
        {
            Kafka = kafka,
            ContactPoints = settings.ResolveContactPoints(),
            Keyspace = settings.Keyspace,
            MaxInFlight = settings.MaxInFlight,
            UntilIdle = settings.UntilIdle is { } idle ? TimeSpan.FromSeconds(idle) : null,
            MaxMessages = settings.MaxMessages,
            StartupTimeout = StartupTimeout,
        };
        // The broker probe and the Cassandra connection are independent start-up waits: run them side by side.
        var probing = BrokerProbe.ResolveAsync(kafka, cancellationToken);
        await using var cassandra = await CassandraCli.TryConnectAsync(console, options.ContactPoints, !settings.ContactPointsOnly, cancellationToken);
        try
        {
            options.Capabilities = await probing;
        }
        catch (KafkaUnavailableException ex)
        {
            console.MarkupLineInterpolated($"[red]{ex.Message}[/]");
            return ExitCodes.Unavailable;
        }

        if (cassandra is null)
        {
            return ExitCodes.Unavailable;
        }

        var store = await ConsumerRunner.TryPrepareStoreAsync(console, cassandra, options.Keyspace, cancellationToken);
        if (store is null)
        {
            return ExitCodes.Unavailable;
        }

        var result = await ConsumerRunner.RunAsync(console, options, store, settings.Verbose, cancellationToken);
        return Report(result.Result);
    }

    private int Report(ConsumerRunResult result)
    {
        switch (result.Outcome)
        {
            case ConsumerRunOutcome.Unavailable:
                console.MarkupLineInterpolated($"[red]{result.Error}[/]");
                break;
            case ConsumerRunOutcome.Failed:
                console.MarkupLineInterpolated($"[red]Consumer failed:[/] {result.Error}");
                break;
            default:
                if (result.Error is not null)
                {
                    console.MarkupLineInterpolated($"[yellow]{result.Error}[/]");
                }

                break;
        }

        return result.ExitCode;
    }
}
