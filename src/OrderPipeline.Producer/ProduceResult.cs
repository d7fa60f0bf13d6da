using OrderPipeline.Kafka;
using OrderPipeline.Orders;

namespace OrderPipeline.Producer;

/// <summary>The outcome of a produce run.</summary>
/// <param name="Cleaning">Rows read, accepted, rejected per reason, duplicates.</param>
/// <param name="Sent">Orders handed to Kafka.</param>
/// <param name="Delivered">Orders acknowledged by the brokers (acks=all).</param>
/// <param name="Failed">Orders that could not be delivered.</param>
/// <param name="Unconfirmed">Sent but neither delivered nor failed when the run ended (flush timed out).</param>
/// <param name="RejectsPath">The rejects file, or null when nothing was rejected.</param>
/// <param name="Cancelled">The run stopped early on cancellation (Ctrl+C).</param>
public sealed record ProduceResult(
    CleaningSummary Cleaning,
    long Sent,
    long Delivered,
    long Failed,
    long Unconfirmed,
    string? RejectsPath,
    bool Cancelled,
    TimeSpan Elapsed,
    string Topic,
    int Partitions,
    BrokerCapabilities Broker,
    string? FirstError)
{
    public double OrdersPerSecond => Elapsed.TotalSeconds > 0 ? Delivered / Elapsed.TotalSeconds : 0;

    public bool Succeeded => !Cancelled && Failed == 0 && Unconfirmed == 0;
}
