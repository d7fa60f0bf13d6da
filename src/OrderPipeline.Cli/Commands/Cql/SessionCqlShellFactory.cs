namespace OrderPipeline.Cli.Commands.Cql;

/// Connects the `cql` command to Cassandra through the OrderPipeline.Cql session.
internal sealed class SessionCqlShellFactory : ICqlShellFactory
{
    public Task<ICqlShell> ConnectAsync(CqlShellOptions options, CancellationToken cancellationToken) =>
        throw new CqlShellException(CqlShellFailure.Unavailable, "This build has no CQL session yet (the OrderPipeline.Cql client core is not merged).");
}
