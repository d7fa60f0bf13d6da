using System.Globalization;
using OrderPipeline.Stack;
using Spectre.Console;

namespace OrderPipeline.Cli.Stack;

internal static class StackTables
{
    public static void WriteStatus(IAnsiConsole console, StackStatus status)
    {
        // Piped into a file or grep there is no terminal width to respect; keep each server on one line.
        if (Console.IsOutputRedirected && console.Profile.Width < 200)
        {
            console.Profile.Width = 200;
        }

        var table = new Table().Border(TableBorder.Simple);
        foreach (var header in new[] { "Server", "Address", "PID", "State", "RSS MB" })
        {
            table.AddColumn(new TableColumn(header).NoWrap());
        }

        table.AddColumn("Log");
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
