using Confluent.Kafka;
using OrderPipeline.Consumer;
using OrderPipeline.Orders;
using Spectre.Console;

namespace OrderPipeline.Cli.Commands;

/// <summary>The --verbose lines; one lock keeps lines from different write tasks whole.</summary>
internal sealed class ConsoleConsumerObserver(IAnsiConsole console, Lock output) : IConsumerObserver
{
    public void Received(Order order)
    {
        lock (output)
        {
            console.WriteLine($"Received Order: {order.OrderIdHex} from Customer: {order.CustomerIdHex}");
        }
    }

    public void Stored(Order order)
    {
        lock (output)
        {
            console.WriteLine($"Inserted into Cassandra: Order ID {order.OrderIdHex}, Customer ID {order.CustomerIdHex}");
        }
    }

    public void DeadLettered(TopicPartitionOffset source, string reason, string detail)
    {
        lock (output)
        {
            console.MarkupLineInterpolated($"[yellow]Dead-lettered[/] {source}: {reason}: {detail}");
        }
    }
}
