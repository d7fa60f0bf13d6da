using System.Globalization;
using System.Text;

namespace OrderPipeline.Kafka;

/// <summary>
/// Benchmark hook: when the environment variable named at <see cref="Open"/> is set, appends one line per
/// message ("partition offset unix_ms ...") to that file so `orderpipeline bench` can compute end-to-end
/// latency. Kafka 0.9 keeps no record timestamp, so the producer logs the CreateTime its client stamped at
/// produce() and the consumer logs when Cassandra acknowledged the write; the bench joins them on partition and
/// offset. Unset (always, outside benchmarks), <see cref="Open"/> returns null and nothing is written.
/// </summary>
public sealed class MessageTimingLog : IDisposable
{
    public const string ProducerVariable = "ORDERPIPELINE_BENCH_PRODUCE_LOG";
    public const string ConsumerVariable = "ORDERPIPELINE_BENCH_ACK_LOG";

    private readonly StreamWriter _writer;
    private readonly Lock _gate = new();
    private bool _disposed;

    private MessageTimingLog(string path)
    {
        _writer = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 16);
    }

    public static MessageTimingLog? Open(string variable) => OpenFile(PathFrom(variable));

    /// <summary>The log at <paramref name="path"/>, or null (no log) when the path is null or blank.</summary>
    public static MessageTimingLog? OpenFile(string? path) => string.IsNullOrWhiteSpace(path) ? null : new MessageTimingLog(path);

    /// <summary>The path the environment variable names, or null when it is unset.</summary>
    public static string? PathFrom(string variable)
    {
        var path = Environment.GetEnvironmentVariable(variable);
        return string.IsNullOrWhiteSpace(path) ? null : path;
    }

    /// <summary>Appends "partition offset v1 [v2]"; called from client callback threads, so serialized.</summary>
    public void Write(int partition, long offset, long unixMs, long? secondUnixMs = null)
    {
        lock (_gate)
        {
            // A write that finishes during shutdown, after the log was closed, is simply not recorded.
            if (_disposed)
            {
                return;
            }

            _writer.Write(partition.ToString(CultureInfo.InvariantCulture));
            _writer.Write(' ');
            _writer.Write(offset.ToString(CultureInfo.InvariantCulture));
            _writer.Write(' ');
            _writer.Write(unixMs.ToString(CultureInfo.InvariantCulture));
            if (secondUnixMs is { } second)
            {
                _writer.Write(' ');
                _writer.Write(second.ToString(CultureInfo.InvariantCulture));
            }

            _writer.Write('\n');
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _writer.Dispose();
        }
    }
}
