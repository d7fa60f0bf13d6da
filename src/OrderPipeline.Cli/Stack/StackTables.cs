using System.Globalization;
using OrderPipeline.Stack;
using Spectre.Console;

namespace OrderPipeline.Cli.Stack;

internal static class StackTables
{
    public static void WriteStatus(IAnsiConsole console, StackStatus status)
    {
        var table = new Table().AddColumns("Server", "Address", "PID", "State", "RSS MB", "Log");
        foreach (var server in status.Servers)
        {
            var state = server.State switch
            {
                ServerState.Up => "[green]up[/]",
                ServerState.NotAnswering => "[yellow]not answering[/]",
                ServerState.Dead => "[red]dead[/]",
                _ => "[grey]not started[/]",
            };
            table.AddRow(
                Markup.Escape(server.Spec.Name),
                Markup.Escape(server.Spec.Endpoint),
                server.Record?.Pid.ToString(CultureInfo.InvariantCulture) ?? "-",
                state,
                server.ResidentMegabytes?.ToString("F0", CultureInfo.InvariantCulture) ?? "-",
                Markup.Escape(server.Record?.LogPath ?? server.Spec.LogPath));
        }

        console.Write(table);
    }
}
