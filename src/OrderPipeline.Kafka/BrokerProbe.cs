using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace OrderPipeline.Kafka;

/// <summary>
/// Decides the broker profile. <c>auto</c> connects to a bootstrap broker and sends an ApiVersions v0 request:
/// a 0.10+ broker answers with its API list (idempotence needs InitProducerId, headers need Produce v3,
/// topic creation needs CreateTopics); a 0.9 broker does not know the request and either closes the
/// connection or (as the stack's 0.9.0.1 does) never answers, so no answer within
/// <see cref="KafkaOptions.ProbeTimeout"/> also means 0.9.
/// A forced profile skips the probe but still checks that a broker accepts TCP connections, so an
/// unreachable cluster is reported within <see cref="KafkaOptions.ConnectTimeout"/> instead of librdkafka
/// retrying forever.
/// </summary>
public static class BrokerProbe
{
    private const short ApiVersionsKey = 18;
    private const short MetadataKey = 3;
    private const short ProduceKey = 0;
    private const short CreateTopicsKey = 19;
    private const short InitProducerIdKey = 22;

    /// <exception cref="KafkaUnavailableException">No bootstrap broker accepted a connection in time.</exception>
    public static async Task<BrokerCapabilities> ResolveAsync(KafkaOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var profile = options.ParsedProfile;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.ConnectTimeout);
        var errors = new List<string>();
        foreach (var (host, port) in BrokerEndpoints.Parse(options.BootstrapServers))
        {
            using var client = new TcpClient { NoDelay = true };
            try
            {
                await client.ConnectAsync(host, port, deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                errors.Add($"{host}:{port}: no answer");
                break;
            }
            catch (SocketException ex)
            {
                errors.Add($"{host}:{port}: {ex.SocketErrorCode}");
                continue;
            }

            var source = $"{host}:{port}";
            return profile switch
            {
                KafkaBrokerProfile.Legacy09 => BrokerCapabilities.Legacy09($"configured, {source} reachable"),
                KafkaBrokerProfile.Modern => BrokerCapabilities.ModernAssumed($"configured, {source} reachable"),
                _ => await ProbeAsync(client, host, port, options.ProbeTimeout, cancellationToken),
            };
        }

        throw new KafkaUnavailableException(
            $"No Kafka broker reachable at {options.BootstrapServers} within {options.ConnectTimeout.TotalSeconds:0.#} s " +
            $"({string.Join(", ", errors)}). Is the stack running (orderpipeline stack up)?");
    }

    private static async Task<BrokerCapabilities> ProbeAsync(TcpClient client, string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var source = $"{host}:{port}";
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        var stream = client.GetStream();
        try
        {
            await stream.WriteAsync(BuildRequest(correlationId: 1, clientId: "orderpipeline-probe"), wait.Token);
            var answer = ReadAnswerAsync(stream, source, wait.Token);
            // A 0.9 broker stays silent, so silence must be told apart from a slow broker without waiting the whole
            // timeout: a Metadata v0 request (which every broker up to 3.x answers) on a second connection measures
            // how fast this broker answers now. A modern broker answers ApiVersions at least as fast, so once the
            // reference answered and a grace of max(100 ms, 3x its round trip) passed in silence, it is 0.9.
            var reference = ReferenceRoundTripAsync(host, port, wait.Token);
            var first = await Task.WhenAny(answer, reference);
            if (first == reference && await reference is { } roundTrip && !answer.IsCompleted)
            {
                var grace = TimeSpan.FromMilliseconds(Math.Max(100, 3 * roundTrip.TotalMilliseconds));
                await Task.WhenAny(answer, Task.Delay(grace, wait.Token));
                if (!answer.IsCompleted)
                {
                    await wait.CancelAsync();
                    return BrokerCapabilities.Legacy09(
                        $"probed {source}: no ApiVersions answer, while a metadata request was answered in {roundTrip.TotalMilliseconds:0} ms");
                }
            }

            return await answer;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return BrokerCapabilities.Legacy09($"probed {source}: no ApiVersions answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (IOException)
        {
            return BrokerCapabilities.Legacy09($"probed {source}: ApiVersions reset the connection");
        }
    }

    private static async Task<BrokerCapabilities> ReadAnswerAsync(NetworkStream stream, string source, CancellationToken cancellationToken)
    {
        var sizeBytes = new byte[4];
        if (!await ReadExactlyOrEofAsync(stream, sizeBytes, cancellationToken))
        {
            // The 0.9 behaviour: an unknown request kind makes the broker drop the connection.
            return BrokerCapabilities.Legacy09($"probed {source}: ApiVersions closed the connection");
        }

        var size = BinaryPrimitives.ReadInt32BigEndian(sizeBytes);
        if (size is < 10 or > 1 << 20)
        {
            return BrokerCapabilities.ModernAssumed($"probed {source}: unexpected ApiVersions size {size}");
        }

        var body = new byte[size];
        if (!await ReadExactlyOrEofAsync(stream, body, cancellationToken))
        {
            return BrokerCapabilities.Legacy09($"probed {source}: connection closed mid-answer");
        }

        return Parse(body, source);
    }

    /// <summary>
    /// The round trip of a Metadata v0 request for no topic on a new connection, or null when it failed (a
    /// broker that dropped v0, as Kafka 4.0 did, answers ApiVersions anyway, so the probe just waits for that).
    /// </summary>
    private static async Task<TimeSpan?> ReferenceRoundTripAsync(string host, int port, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient { NoDelay = true };
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await client.ConnectAsync(host, port, cancellationToken);
            var stream = client.GetStream();
            await stream.WriteAsync(BuildMetadataRequest(correlationId: 2, clientId: "orderpipeline-probe"), cancellationToken);
            var sizeBytes = new byte[4];
            if (!await ReadExactlyOrEofAsync(stream, sizeBytes, cancellationToken))
            {
                return null;
            }

            var size = BinaryPrimitives.ReadInt32BigEndian(sizeBytes);
            if (size is < 4 or > 16 << 20 || !await ReadExactlyOrEofAsync(stream, new byte[size], cancellationToken))
            {
                return null;
            }

            return clock.Elapsed;
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            // Never decides anything by itself; the ApiVersions wait (bounded by the probe timeout) still runs.
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return null;
        }
    }

    /// <summary>Metadata v0 for an empty topic list: size, api_key 3, version 0, correlation id, client id, topics [].</summary>
    internal static byte[] BuildMetadataRequest(int correlationId, string clientId)
    {
        var id = Encoding.UTF8.GetBytes(clientId);
        var request = new byte[4 + 2 + 2 + 4 + 2 + id.Length + 4];
        BinaryPrimitives.WriteInt32BigEndian(request, request.Length - 4);
        BinaryPrimitives.WriteInt16BigEndian(request.AsSpan(4), MetadataKey);
        BinaryPrimitives.WriteInt16BigEndian(request.AsSpan(6), 0);
        BinaryPrimitives.WriteInt32BigEndian(request.AsSpan(8), correlationId);
        BinaryPrimitives.WriteInt16BigEndian(request.AsSpan(12), (short)id.Length);
        id.CopyTo(request.AsSpan(14));
        BinaryPrimitives.WriteInt32BigEndian(request.AsSpan(14 + id.Length), 0);
        return request;
    }

    /// <summary>ApiVersions v0: size, api_key 18, version 0, correlation id, client id; no body.</summary>
    internal static byte[] BuildRequest(int correlationId, string clientId)
    {
        var id = Encoding.UTF8.GetBytes(clientId);
        var request = new byte[4 + 2 + 2 + 4 + 2 + id.Length];
        BinaryPrimitives.WriteInt32BigEndian(request, request.Length - 4);
        BinaryPrimitives.WriteInt16BigEndian(request.AsSpan(4), ApiVersionsKey);
        BinaryPrimitives.WriteInt16BigEndian(request.AsSpan(6), 0);
        BinaryPrimitives.WriteInt32BigEndian(request.AsSpan(8), correlationId);
        BinaryPrimitives.WriteInt16BigEndian(request.AsSpan(12), (short)id.Length);
        id.CopyTo(request.AsSpan(14));
        return request;
    }

    /// <summary>Reads an ApiVersions v0 response body (after the size): correlation id, error, [key, min, max].</summary>
    internal static BrokerCapabilities Parse(ReadOnlySpan<byte> body, string source)
    {
        var error = BinaryPrimitives.ReadInt16BigEndian(body[4..]);
        var count = BinaryPrimitives.ReadInt32BigEndian(body[6..]);
        if (error != 0 || count < 0 || 10 + (count * 6) > body.Length)
        {
            return BrokerCapabilities.ModernAssumed($"probed {source}: ApiVersions error {error}");
        }

        short produceMax = -1;
        bool createTopics = false, initProducerId = false;
        for (var i = 0; i < count; i++)
        {
            var entry = body.Slice(10 + (i * 6), 6);
            var key = BinaryPrimitives.ReadInt16BigEndian(entry);
            var max = BinaryPrimitives.ReadInt16BigEndian(entry[4..]);
            produceMax = key == ProduceKey ? max : produceMax;
            createTopics |= key == CreateTopicsKey;
            initProducerId |= key == InitProducerIdKey;
        }

        return new BrokerCapabilities(KafkaBrokerProfile.Modern, initProducerId, produceMax >= 3, createTopics,
            $"probed {source}: ApiVersions answered ({count} APIs, Produce v{produceMax})");
    }

    private static async Task<bool> ReadExactlyOrEofAsync(NetworkStream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                return false;
            }

            read += n;
        }

        return true;
    }
}
