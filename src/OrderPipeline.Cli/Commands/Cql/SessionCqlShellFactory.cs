using OrderPipeline.Cql;

namespace OrderPipeline.Cli.Commands.Cql;

/// Connects the `cql` command to Cassandra through <see cref="CqlSession"/>.
internal sealed class SessionCqlShellFactory : ICqlShellFactory
{
    public async Task<ICqlShell> ConnectAsync(CqlShellOptions options, CancellationToken cancellationToken)
    {
        var sessionOptions = new CqlSessionOptions
        {
            ContactPoints = [.. options.ContactPoints],
            Port = options.Port,
            Keyspace = options.Keyspace,
            Username = options.Username,
            Password = options.Password,
            PageSize = options.PageSize,
            RequestTimeout = options.RequestTimeout,
        };
        try
        {
            var session = await CqlSession.ConnectAsync(sessionOptions, cancellationToken: cancellationToken);
            return new SessionCqlShell(session);
        }
        catch (Exception ex) when (ex is CqlException or ArgumentException or InvalidOperationException)
        {
            throw CqlShellErrors.From(ex, "connecting to " + string.Join(", ", options.ContactPoints.Select(c => $"{c}:{options.Port}")));
        }
    }
}
