using System.Text;

namespace OrderPipeline.Stack.Probes;

/// ZooKeeper answers the four-letter command "ruok" with "imok" when it serves requests.
public static class ZooKeeperProbe
{
    public static async Task<bool> IsOkAsync(string host, int port, CancellationToken cancellationToken = default)
    {
        await using var connection = await ProbeConnection.OpenAsync(host, port, cancellationToken).ConfigureAwait(false);
        await connection.WriteAsync("ruok"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        var reply = await connection.ReadToEndAsync(16, cancellationToken).ConfigureAwait(false);
        return Encoding.ASCII.GetString(reply) == "imok";
    }
}
