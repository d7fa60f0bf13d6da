using System.ComponentModel;
using Spectre.Console.Cli;

namespace OrderPipeline.Cli.Commands.Docs;

internal sealed class DocsSettings : CommandSettings
{
    [CommandOption("--out <DIR>")]
    [Description("Folder for ecommerce.cql, CQL.docx and Pipeline_explanation.docx (created if missing).")]
    public string Out { get; init; } = "";

    [CommandOption("--replication-factor <N>")]
    [Description("Replication factor of the keyspace in the generated DDL: 1 for one node, 3 for a 3-node cluster.")]
    [DefaultValue(1)]
    public int ReplicationFactor { get; init; } = 1;

    [CommandOption("--run-summary <PATH>")]
    [Description("Text file with the output of a real run (demo or verify) to quote in the documents.")]
    public string? RunSummary { get; init; }

    [CommandOption("--benchmarks <PATH>")]
    [Description("BENCHMARKS.md to quote as measured results. Default: BENCHMARKS.md at the repository root, if any.")]
    public string? Benchmarks { get; init; }

    /// <summary>
    /// The problem with the arguments, or null. Checked by the command rather than in Validate(), because the
    /// app propagates exceptions and a failed Validate() would end in a stack trace instead of exit code 1.
    /// </summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(Out))
        {
            return "--out DIR is required: the folder to write the documents into.";
        }

        if (ReplicationFactor < 1)
        {
            return "--replication-factor must be 1 or more.";
        }

        if (RunSummary is not null && !File.Exists(RunSummary))
        {
            return $"--run-summary: file not found: {RunSummary}";
        }

        return Benchmarks is not null && !File.Exists(Benchmarks) ? $"--benchmarks: file not found: {Benchmarks}" : null;
    }
}
