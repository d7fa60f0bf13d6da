using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using OrderPipeline.Kafka;

namespace OrderPipeline.Producer.Tests;

/// <summary>Kafka unreachable: a clear error within 15 s, never an endless wait (no real server needed).</summary>
public sealed class UnreachableBrokerTests
{
    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "Data", "olist_orders_sample.csv");

    [Fact]
    public async Task Should_ThrowUnavailableWithin15s_When_NothingListens()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var producer = new OrderFileProducer(new KafkaOptions { BootstrapServers = $"127.0.0.1:{port}" });

        var clock = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<KafkaUnavailableException>(
            () => producer.RunAsync(new ProduceRequest { CsvPath = Sample, RejectsPath = Path.GetTempFileName() }, new ProduceStats()));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
        Assert.Contains($"127.0.0.1:{port}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_ThrowUnavailableWithin15s_When_BrokerAcceptsButNeverAnswers()
    {
        // A black hole: TCP connects succeed, no Kafka response ever comes (a hung broker, a wrong port).
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accepted = new List<TcpClient>();
        using var stop = new CancellationTokenSource();
        var accepting = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    accepted.Add(await listener.AcceptTcpClientAsync(stop.Token));
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
        var producer = new OrderFileProducer(new KafkaOptions { BootstrapServers = $"127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}" });

        var clock = Stopwatch.StartNew();
        var ex = await Record.ExceptionAsync(
            () => producer.RunAsync(new ProduceRequest { CsvPath = Sample, RejectsPath = Path.GetTempFileName() }, new ProduceStats()));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
        Assert.IsType<KafkaUnavailableException>(ex);
        await stop.CancelAsync();
        await accepting;
        accepted.ForEach(c => c.Dispose());
    }
}
