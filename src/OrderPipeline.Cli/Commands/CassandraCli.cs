using OrderPipeline.Consumer;
using OrderPipeline.Consumer.Cassandra;
using Spectre.Console;

namespace OrderPipeline.Cli.Commands;

/// <summary>Connects to Cassandra for a command, printing a clear message (and returning null) when it is unreachable.</summary>
internal static class CassandraCli
{
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    public static Task<CassandraAccess?> TryConnectAsync(IAnsiConsole console, string contactPoints, CancellationToken cancellationToken) =>
        TryConnectAsync(console, contactPoints, discoverPeers: true, cancellationToken);

    public static async Task<CassandraAccess?> TryConnectAsync(IAnsiConsole console, string contactPoints, bool discoverPeers, CancellationToken cancellationToken)
    {
        try
        {
            return await CassandraAccess.ConnectAsync(contactPoints, discoverPeers, ConnectTimeout, cancellationToken);
        }
        catch (InfrastructureUnavailableException ex)
        {
            console.MarkupLineInterpolated($"[red]{ex.Message}[/]");
            return null;
        }
    }
}
