using System.ComponentModel;
using OrderPipeline.Consumer.Cassandra;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrderPipeline.Cli.Commands;

internal sealed class SchemaApplySettings : PipelineConnectionSettings
{
    [CommandOption("--replication-factor <N>")]
    [Description("Keyspace replication factor: 1 for one node, 3 for a 3-node cluster (default 1).")]
    public int ReplicationFactor { get; init; } = 1;

    public override ValidationResult Validate() =>
        ReplicationFactor < 1 ? ValidationResult.Error("--replication-factor must be at least 1") : ValidationResult.Success();
}

[Description("Create the keyspace and tables of schema/ecommerce.cql (idempotent).")]
internal sealed class SchemaApplyCommand(IAnsiConsole console) : AsyncCommand<SchemaApplySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, SchemaApplySettings settings, CancellationToken cancellationToken)
    {
        await using var cassandra = await CassandraCli.TryConnectAsync(console, settings.ResolveContactPoints(), cancellationToken);
        if (cassandra is null)
        {
            return ExitCodes.Unavailable;
        }

        var count = await SchemaApplier.ApplyAsync(cassandra, settings.ReplicationFactor, settings.Keyspace, cancellationToken);
        console.MarkupLineInterpolated(
            $"[green]Schema applied[/]: {count} statements, keyspace {settings.Keyspace} (replication factor {settings.ReplicationFactor}) on {settings.ResolveContactPoints()}");
        return ExitCodes.Ok;
    }
}
