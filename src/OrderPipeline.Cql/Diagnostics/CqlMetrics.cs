using System.Diagnostics.Metrics;

namespace OrderPipeline.Cql.Diagnostics;

/// <summary>
/// Instruments on the "OrderPipeline.Cql" meter: requests, errors by kind, requests in flight, latency (ms).
/// </summary>
internal static class CqlMetrics
{
    public const string MeterName = "OrderPipeline.Cql";

    private static readonly Meter Meter = new(MeterName);

    public static Counter<long> Requests { get; } = Meter.CreateCounter<long>("cql.client.requests", description: "Requests completed (success or error).");

    public static Counter<long> Errors { get; } = Meter.CreateCounter<long>("cql.client.errors", description: "Requests failed, tagged by error kind.");

    public static Counter<long> ClientTimeouts { get; } = Meter.CreateCounter<long>("cql.client.timeouts", description: "Requests that got no answer within the request timeout.");

    public static Counter<long> Retries { get; } = Meter.CreateCounter<long>("cql.client.retries", description: "Requests retried on another node.");

    public static UpDownCounter<long> InFlight { get; } = Meter.CreateUpDownCounter<long>("cql.client.in_flight", description: "Requests written or queued and not yet answered.");

    public static Histogram<double> Latency { get; } = Meter.CreateHistogram<double>("cql.client.latency", unit: "ms", description: "Request latency as the caller sees it.");

    public static void RecordError(Exception error) =>
        Errors.Add(1, new KeyValuePair<string, object?>("kind", error.GetType().Name));
}
