using System.Globalization;
using OrderPipeline.Stack.Probes;
using OrderPipeline.Stack.Processes;

namespace OrderPipeline.Stack;

/// Probes that tell whether a server accepts client requests, and the wait loop around them that notices
/// a server dying during start and shows its last log lines.
public static class Readiness
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(300);

    /// One quick probe: the server answers its protocol's basic request.
    public static Task<bool> AnswersAsync(ServerKind kind, string host, int port, CancellationToken cancellationToken = default) =>
        AnswersAsync(kind, host, port, cassandraTls: false, cancellationToken);

    /// One quick probe; <paramref name="cassandraTls"/> for a Cassandra node whose native port speaks only TLS.
    public static async Task<bool> AnswersAsync(ServerKind kind, string host, int port, bool cassandraTls, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            return kind switch
            {
                ServerKind.ZooKeeper => await ZooKeeperProbe.IsOkAsync(host, port, timeout.Token).ConfigureAwait(false),
                ServerKind.Kafka => (await KafkaProbe.GetMetadataAsync(host, port, timeout.Token).ConfigureAwait(false)).Brokers.Count > 0,
                ServerKind.Cassandra => await CassandraProbe.IsReadyAsync(host, port, cassandraTls, timeout.Token).ConfigureAwait(false),
                _ => false,
            };
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or OperationCanceledException
            or InvalidOperationException or ArgumentOutOfRangeException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return false;
        }
    }

    /// Ready for the stack's purposes: it answers, and in a cluster it sees all the others.
    public static async Task<bool> IsReadyAsync(ServerSpec spec, StackTopology topology, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            switch (spec.Kind)
            {
                case ServerKind.Kafka:
                    var metadata = await KafkaProbe.GetMetadataAsync(spec.Host, spec.Port, timeout.Token).ConfigureAwait(false);
                    return metadata.Brokers.Count >= topology.KafkaBrokers;
                case ServerKind.Cassandra:
                    if (!await CassandraProbe.IsReadyAsync(spec.Host, spec.Port, spec.ClientTls, timeout.Token).ConfigureAwait(false))
                    {
                        return false;
                    }

                    // A node with PasswordAuthenticator answers STARTUP with AUTHENTICATE, and the stack holds no
                    // credentials: there, serving clients is all the probe can tell.
                    return topology.CassandraNodes == 1 || spec.PasswordAuthentication
                        || await CassandraProbe.CountPeersAsync(spec.Host, spec.Port, spec.ClientTls, timeout.Token).ConfigureAwait(false)
                            >= topology.CassandraNodes - 1;
                default:
                    return await AnswersAsync(spec.Kind, spec.Host, spec.Port, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or OperationCanceledException
            or InvalidOperationException or ArgumentOutOfRangeException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return false;
        }
    }

    /// Waits until the server is ready; throws with the log tail if its process exits or the deadline passes.
    public static async Task WaitAsync(ServerSpec spec, ServerRecord record, StackTopology topology, DateTimeOffset deadline,
        CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (!ProcessTable.IsAlive(record.Pid, record.StartTicks))
            {
                throw new StackException(StackErrorKind.ServerFailed,
                    $"{spec.Name} ({spec.Endpoint}, PID {record.Pid}) exited during start. Last lines of {record.LogPath}:"
                    + Environment.NewLine + LogTail(record.LogPath, 20));
            }

            if (await IsReadyAsync(spec, topology, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new StackException(StackErrorKind.ServerFailed,
                    $"{spec.Name} ({spec.Endpoint}, PID {record.Pid}) did not become ready in time. Last lines of {record.LogPath}:"
                    + Environment.NewLine + LogTail(record.LogPath, 20));
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    public static string LogTail(string path, int lines)
    {
        try
        {
            var all = File.ReadAllLines(path);
            return string.Join(Environment.NewLine, all.Skip(Math.Max(0, all.Length - lines)).Select(l => "  | " + l));
        }
        catch (IOException ex)
        {
            return string.Create(CultureInfo.InvariantCulture, $"  (log not readable: {ex.Message})");
        }
    }
}
