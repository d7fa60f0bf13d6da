using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using OrderPipeline.Chaos.Network;

namespace OrderPipeline.Chaos.Tests.Network;

public sealed class TcpStallProxyTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static async Task<TcpStallProxy> StartProxyAsync(IPEndPoint target)
    {
        var proxy = new TcpStallProxy(new IPEndPoint(IPAddress.Loopback, 0), target);
        proxy.Start();
        await Task.Yield();
        return proxy;
    }

    private static async Task<Socket> ConnectAsync(IPEndPoint endPoint)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(endPoint);
        return socket;
    }

    /// The counter's value once it reaches <paramref name="expected"/>, or its value when the time is up.
    private static async Task<long> CounterSettledAsync(Func<long> counter, long expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (counter() < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        return counter();
    }

    private static async Task<byte[]> ReceiveExactlyAsync(Socket socket, int count, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var result = new byte[count];
        var received = 0;
        while (received < count)
        {
            var read = await socket.ReceiveAsync(result.AsMemory(received), SocketFlags.None, cts.Token);
            Assert.NotEqual(0, read);
            received += read;
        }

        return result;
    }

    [Fact]
    public async Task Should_EchoBytesUnchanged_When_NotFrozen()
    {
        // Given an echo server behind the proxy
        await using var echo = new LoopbackEchoServer();
        await using var proxy = await StartProxyAsync(echo.EndPoint);
        using var client = await ConnectAsync(proxy.LocalEndPoint);

        // When a message goes through
        var message = "hello through the proxy"u8.ToArray();
        await client.SendAsync(message, SocketFlags.None);

        // Then it comes back unchanged, and the proxy counted both directions
        Assert.Equal(message, await ReceiveExactlyAsync(client, message.Length, Patience));
        // The proxy counts a buffer once its send returns, which can be just after the echo reached the client.
        Assert.Equal(2 * message.Length, await CounterSettledAsync(() => proxy.BytesForwarded, 2 * message.Length, Patience));
        Assert.Equal(1, proxy.OpenConnections);
    }

    [Fact]
    public async Task Should_HoldTrafficAndDeliverItInOrder_When_FrozenThenResumed()
    {
        // Given a connection through the proxy that already carried traffic
        await using var echo = new LoopbackEchoServer();
        await using var proxy = await StartProxyAsync(echo.EndPoint);
        using var client = await ConnectAsync(proxy.LocalEndPoint);
        await client.SendAsync(new byte[] { 1, 2, 3 }, SocketFlags.None);
        await ReceiveExactlyAsync(client, 3, Patience);

        // When the proxy freezes and the client sends 1 MB in 64 chunks
        proxy.Freeze();
        var payload = new byte[1 << 20];
        new Random(42).NextBytes(payload);
        var sending = Task.Run(async () =>
        {
            for (var offset = 0; offset < payload.Length; offset += payload.Length / 64)
            {
                await client.SendAsync(payload.AsMemory(offset, payload.Length / 64), SocketFlags.None);
            }
        });

        // Then nothing comes back while frozen
        var early = new byte[1];
        using (var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(700)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(
                async () => await client.ReceiveAsync(early, SocketFlags.None, wait.Token));
        }

        Assert.True(proxy.IsFrozen);
        var forwardedWhileFrozen = proxy.BytesForwarded;

        // And after the resume every byte arrives, in order
        proxy.Resume();
        var echoed = await ReceiveExactlyAsync(client, payload.Length, Patience);
        await sending;
        Assert.Equal(payload, echoed);
        Assert.Equal(6, forwardedWhileFrozen);
        Assert.False(proxy.IsFrozen);
    }

    [Fact]
    public async Task Should_ResumeByItself_When_StallDurationEnds()
    {
        // Given a connection through the proxy
        await using var echo = new LoopbackEchoServer();
        await using var proxy = await StartProxyAsync(echo.EndPoint);
        using var client = await ConnectAsync(proxy.LocalEndPoint);

        // When a 1 s stall starts and a message is sent during it
        var clock = Stopwatch.StartNew();
        var stall = proxy.StallAsync(TimeSpan.FromSeconds(1));
        await client.SendAsync("ping"u8.ToArray(), SocketFlags.None);
        var reply = await ReceiveExactlyAsync(client, 4, Patience);
        await stall;

        // Then the reply arrives only after the stall, and the proxy is open again
        Assert.Equal("ping"u8.ToArray(), reply);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"reply after {clock.Elapsed}");
        Assert.False(proxy.IsFrozen);
    }

    [Fact]
    public async Task Should_HoldNewConnections_When_FrozenAndServeThemAfterResume()
    {
        // Given a frozen proxy
        await using var echo = new LoopbackEchoServer();
        await using var proxy = await StartProxyAsync(echo.EndPoint);
        proxy.Freeze();

        // When a client connects and sends during the freeze
        using var client = await ConnectAsync(proxy.LocalEndPoint);
        await client.SendAsync("late"u8.ToArray(), SocketFlags.None);
        await Task.Delay(300);
        Assert.Equal(0, proxy.BytesForwarded);

        // Then the resume delivers it
        proxy.Resume();
        Assert.Equal("late"u8.ToArray(), await ReceiveExactlyAsync(client, 4, Patience));
    }

    [Fact]
    public async Task Should_CloseClient_When_TargetRefuses()
    {
        // Given a proxy to a port nobody listens on
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var deadEnd = (IPEndPoint)probe.LocalEndPoint!;
        await using var proxy = await StartProxyAsync(deadEnd);

        // When a client connects
        using var client = await ConnectAsync(proxy.LocalEndPoint);

        // Then the proxy closes it instead of leaving it hanging
        using var cts = new CancellationTokenSource(Patience);
        var buffer = new byte[1];
        int read;
        try
        {
            read = await client.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
        }
        catch (SocketException)
        {
            read = 0;
        }

        Assert.Equal(0, read);
    }

    [Fact]
    public async Task Should_CloseConnectionsWithoutHanging_When_DisposedWhileFrozen()
    {
        // Given a frozen proxy with a connection that has bytes held
        await using var echo = new LoopbackEchoServer();
        var proxy = await StartProxyAsync(echo.EndPoint);
        using var client = await ConnectAsync(proxy.LocalEndPoint);
        proxy.Freeze();
        await client.SendAsync("held"u8.ToArray(), SocketFlags.None);

        // When the proxy is disposed
        var disposing = proxy.DisposeAsync().AsTask();

        // Then disposal finishes promptly and the client sees its connection end
        await disposing.WaitAsync(Patience);
        Assert.Equal(0, proxy.OpenConnections);
        using var cts = new CancellationTokenSource(Patience);
        var buffer = new byte[16];
        var total = 0;
        try
        {
            int read;
            while ((read = await client.ReceiveAsync(buffer, SocketFlags.None, cts.Token)) > 0)
            {
                total += read;
            }
        }
        catch (SocketException)
        {
            // A reset is as good as a close here.
        }

        Assert.True(total <= 4);
    }
}
