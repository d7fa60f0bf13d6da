using OrderPipeline.Producer;
using Spectre.Console;

namespace OrderPipeline.Cli.Commands.Produce;

/// <summary>The final table of a produce run: read, rejected by reason, duplicates, delivered, failed.</summary>
internal static class ProduceSummary
{
    public static void Render(IAnsiConsole console, ProduceResult result)
    {
        var c = result.Cleaning;
        var table = new Table().Border(TableBorder.Rounded).Title(result.Cancelled ? "produce (cancelled)" : "produce")
            .AddColumn("").AddColumn(new TableColumn("orders").RightAligned());
        table.AddRow("rows read", $"{c.RowsRead:N0}");
        table.AddRow("accepted", $"{c.Accepted:N0}");
        table.AddRow("rejected", $"{c.Rejected:N0}");
        foreach (var (reason, count) in c.RejectedByReason)
        {
            table.AddRow($"  {reason}", $"{count:N0}");
        }

        table.AddRow("duplicates (superseded)", $"{c.DuplicatesSuperseded:N0}");
        if (c.BlankLines > 0)
        {
            table.AddRow("blank lines skipped", $"{c.BlankLines:N0}");
        }

        table.AddRow("sent", $"{result.Sent:N0}");
        table.AddRow("[green]delivered[/]", $"[green]{result.Delivered:N0}[/]");
        table.AddRow(result.Failed > 0 ? "[red]failed[/]" : "failed", result.Failed > 0 ? $"[red]{result.Failed:N0}[/]" : "0");
        if (result.Unconfirmed > 0)
        {
            table.AddRow("[red]unconfirmed[/]", $"[red]{result.Unconfirmed:N0}[/]");
        }

        table.AddRow("elapsed", $"{result.Elapsed.TotalSeconds:N2} s");
        table.AddRow("rate", $"{result.OrdersPerSecond:N0} orders/s");
        console.Write(table);
        console.MarkupLineInterpolated($"topic [bold]{result.Topic}[/] ({result.Partitions} partitions); broker {result.Broker}");
        if (result.RejectsPath is not null)
        {
            console.MarkupLineInterpolated($"rejected rows written to [yellow]{result.RejectsPath}[/]");
        }

        if (result.FirstError is not null)
        {
            console.MarkupLineInterpolated($"[red]first delivery error: {result.FirstError}[/]");
        }
    }
}
