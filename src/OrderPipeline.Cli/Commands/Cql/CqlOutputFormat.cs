namespace OrderPipeline.Cli.Commands.Cql;

internal enum CqlOutputFormat
{
    Table,
    Json,
    Csv,
}
