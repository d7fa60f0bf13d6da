using System.Net.Security;
using System.Net.Sockets;

namespace OrderPipeline.Stack.Probes;

/// A short-lived TCP connection for probes: connect, write, read exact byte counts, all under one deadline.
internal sealed class ProbeConnection : IAsyncDisposable
{
    private readonly TcpClient _client;
    private readonly Stream _stream;

    private ProbeConnection(TcpClient client, Stream stream)
    {
        _client = client;
        _stream = stream;
    }

    public static Task<ProbeConnection> OpenAsync(string host, int port, CancellationToken cancellationToken) =>
        OpenAsync(host, port, tls: false, cancellationToken);

    /// With <paramref name="tls"/>, wraps the socket in TLS without checking the certificate: a probe only asks
    /// whether the server answers, and carries no data worth protecting.
    public static async Task<ProbeConnection> OpenAsync(string host, int port, bool tls, CancellationToken cancellationToken)
    {
        var client = new TcpClient { NoDelay = true };
        try
        {
            await client.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
            if (!tls)
            {
                return new ProbeConnection(client, client.GetStream());
            }

            var ssl = new SslStream(client.GetStream(), leaveInnerStreamOpen: false);
            try
            {
                var options = new SslClientAuthenticationOptions
                {
                    TargetHost = host,
#pragma warning disable CA5359 // A readiness probe of our own loopback server: liveness only, no data to protect.
                    RemoteCertificateValidationCallback = static (_, _, _, _) => true,
#pragma warning restore CA5359
                };
                await ssl.AuthenticateAsClientAsync(options, cancellationToken).ConfigureAwait(false);
                return new ProbeConnection(client, ssl);
            }
            catch
            {
                await ssl.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
        _stream.WriteAsync(data, cancellationToken);

    public async Task<byte[]> ReadExactAsync(int count, CancellationToken cancellationToken)
    {
        var buffer = new byte[count];
        await _stream.ReadExactlyAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer;
    }

    public async Task<byte[]> ReadToEndAsync(int max, CancellationToken cancellationToken)
    {
        var buffer = new byte[max];
        var total = 0;
        int read;
        while (total < max && (read = await _stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
        }

        return buffer[..total];
    }

    public ValueTask DisposeAsync()
    {
        _stream.Dispose();
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
