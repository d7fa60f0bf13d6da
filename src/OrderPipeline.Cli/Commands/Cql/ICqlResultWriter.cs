using Spectre.Console;

namespace OrderPipeline.Cli.Commands.Cql;

/// Writes a rows result to the console in one output format, consuming the rows as they are fetched.
internal interface ICqlResultWriter
{
    /// Returns the number of rows written.
    Task<long> WriteAsync(CqlRowsResult result, CancellationToken cancellationToken);
}

internal static class CqlResultWriters
{
    public static ICqlResultWriter Create(CqlOutputFormat format, IAnsiConsole console, int chunkRows) => format switch
    {
        CqlOutputFormat.Json => new JsonResultWriter(console.Profile.Out.Writer),
        CqlOutputFormat.Csv => new CsvResultWriter(console.Profile.Out.Writer),
        _ => new TableResultWriter(console, chunkRows),
    };
}
