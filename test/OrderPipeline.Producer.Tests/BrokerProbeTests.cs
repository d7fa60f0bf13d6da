using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using OrderPipeline.Kafka;

namespace OrderPipeline.Producer.Tests;

/// <summary>
/// The profile probe against small loopback servers that behave like the two broker generations: a 0.9
/// broker closes the connection on ApiVersions; a modern one answers with its API list.
/// </summary>
public sealed class BrokerProbeTests
{
    private static async Task<(TcpListener Listener, Task Serving)> ServeOnceAsync(Func<NetworkStream, Task> behaviour)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var serving = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            await behaviour(client.GetStream());
        });
        await Task.Yield();
        return (listener, serving);
    }

    private static KafkaOptions OptionsFor(TcpListener listener, string profile = "auto") => new()
    {
        BootstrapServers = $"127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}",
        Profile = profile,
        ProbeTimeout = TimeSpan.FromSeconds(2),
        ConnectTimeout = TimeSpan.FromSeconds(5),
    };

    [Fact]
    public async Task Should_DetectLegacy09_When_BrokerClosesOnApiVersions()
    {
        var (listener, serving) = await ServeOnceAsync(async stream =>
        {
            var header = new byte[4];
            await stream.ReadExactlyAsync(header);
            var request = new byte[BinaryPrimitives.ReadInt32BigEndian(header)];
            await stream.ReadExactlyAsync(request);
            Assert.Equal(18, BinaryPrimitives.ReadInt16BigEndian(request));
        });
        using (listener)
        {
            var caps = await BrokerProbe.ResolveAsync(OptionsFor(listener));
            await serving;
            Assert.Equal(KafkaBrokerProfile.Legacy09, caps.Profile);
            Assert.False(caps.SupportsIdempotence);
            Assert.False(caps.SupportsHeaders);
        }
    }

    [Theory]
    [InlineData(new short[] { 0, 8, 18, 19, 22 }, 8, true, true, true)]
    [InlineData(new short[] { 0, 18 }, 2, false, false, false)]
    public async Task Should_ReadCapabilities_When_BrokerAnswersApiVersions(short[] keys, short produceMax, bool idempotence, bool headers, bool createTopics)
    {
        var (listener, serving) = await ServeOnceAsync(async stream =>
        {
            var header = new byte[4];
            await stream.ReadExactlyAsync(header);
            var request = new byte[BinaryPrimitives.ReadInt32BigEndian(header)];
            await stream.ReadExactlyAsync(request);
            var response = new byte[4 + 4 + 2 + 4 + (keys.Length * 6)];
            BinaryPrimitives.WriteInt32BigEndian(response, response.Length - 4);
            BinaryPrimitives.WriteInt32BigEndian(response.AsSpan(4), BinaryPrimitives.ReadInt32BigEndian(request.AsSpan(4)));
            BinaryPrimitives.WriteInt32BigEndian(response.AsSpan(10), keys.Length);
            for (var i = 0; i < keys.Length; i++)
            {
                BinaryPrimitives.WriteInt16BigEndian(response.AsSpan(14 + (i * 6)), keys[i]);
                BinaryPrimitives.WriteInt16BigEndian(response.AsSpan(18 + (i * 6)), keys[i] == 0 ? produceMax : (short)1);
            }

            await stream.WriteAsync(response);
        });
        using (listener)
        {
            var caps = await BrokerProbe.ResolveAsync(OptionsFor(listener));
            await serving;
            Assert.Equal(KafkaBrokerProfile.Modern, caps.Profile);
            Assert.Equal(idempotence, caps.SupportsIdempotence);
            Assert.Equal(headers, caps.SupportsHeaders);
            Assert.Equal(createTopics, caps.SupportsCreateTopics);
        }
    }

    [Fact]
    public async Task Should_AssumeLegacy_When_BrokerNeverAnswers()
    {
        var release = new TaskCompletionSource();
        var (listener, serving) = await ServeOnceAsync(_ => release.Task);
        using (listener)
        {
            var clock = Stopwatch.StartNew();
            var caps = await BrokerProbe.ResolveAsync(OptionsFor(listener));
            Assert.Equal(KafkaBrokerProfile.Legacy09, caps.Profile);
            Assert.InRange(clock.Elapsed.TotalSeconds, 1.5, 4);
            release.SetResult();
            await serving;
        }
    }

    [Fact]
    public async Task Should_ThrowUnavailableQuickly_When_NothingListens()
    {
        // A port that was just free on loopback: connection refused.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var options = OptionsFor(listener);
        listener.Stop();

        var clock = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<KafkaUnavailableException>(() => BrokerProbe.ResolveAsync(options));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
        Assert.Contains(options.BootstrapServers, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_SkipTheProbe_When_ProfileIsForced()
    {
        var (listener, serving) = await ServeOnceAsync(_ => Task.CompletedTask);
        using (listener)
        {
            var caps = await BrokerProbe.ResolveAsync(OptionsFor(listener, "modern"));
            await serving;
            Assert.Equal(KafkaBrokerProfile.Modern, caps.Profile);
            Assert.True(caps.SupportsIdempotence);
        }
    }

    [Fact]
    public async Task Should_DecideLegacyWithinAFractionOfTheTimeout_When_MetadataIsAnsweredButApiVersionsIsNot()
    {
        // Given a broker like the stack's 0.9.0.1: Metadata v0 is answered, ApiVersions meets silence
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var stop = new CancellationTokenSource();
        var serving = ServeLikeKafka09Async(listener, stop.Token);
        var options = OptionsFor(listener);
        // A long timeout: a decision that waited it out would take a minute, far from any scheduling noise.
        options.ProbeTimeout = TimeSpan.FromSeconds(60);

        // When the profile is probed
        var clock = Stopwatch.StartNew();
        var caps = await BrokerProbe.ResolveAsync(options);

        // Then it is 0.9, decided long before the probe timeout
        Assert.Equal(KafkaBrokerProfile.Legacy09, caps.Profile);
        Assert.Contains("metadata request was answered", caps.ToString(), StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        await stop.CancelAsync();
        await serving;
    }

    private static async Task ServeLikeKafka09Async(TcpListener listener, CancellationToken cancellationToken)
    {
        var connections = new List<Task>();
        try
        {
            while (true)
            {
                var client = await listener.AcceptTcpClientAsync(cancellationToken);
                connections.Add(Task.Run(async () =>
                {
                    using (client)
                    {
                        var stream = client.GetStream();
                        var size = new byte[4];
                        await stream.ReadExactlyAsync(size, cancellationToken);
                        var request = new byte[BinaryPrimitives.ReadInt32BigEndian(size)];
                        await stream.ReadExactlyAsync(request, cancellationToken);
                        if (BinaryPrimitives.ReadInt16BigEndian(request) == 3)
                        {
                            // Metadata v0 answer: size, correlation id, no brokers, no topics.
                            var answer = new byte[16];
                            BinaryPrimitives.WriteInt32BigEndian(answer, 12);
                            request.AsSpan(4, 4).CopyTo(answer.AsSpan(4));
                            await stream.WriteAsync(answer, cancellationToken);
                        }

                        await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    }
                }, CancellationToken.None));
            }
        }
        catch (OperationCanceledException)
        {
            await Task.WhenAll(connections);
        }
    }
}
