namespace OrderPipeline.Cli.Commands.Cql;

/// How the `cql` command reaches a cluster: one connected session that runs statement text. Keeps the command's
/// output and error handling independent of the client library, so it is testable without a server.
internal interface ICqlShell : IAsyncDisposable
{
    /// Runs one statement at the given consistency level (a name such as "QUORUM").
    /// Throws <see cref="CqlShellException"/> for failures the user should see as a one-line error.
    Task<CqlShellResult> ExecuteAsync(string statement, string consistency, CancellationToken cancellationToken);
}

/// Connects an <see cref="ICqlShell"/>; throws <see cref="CqlShellException"/> when the cluster cannot be used.
internal interface ICqlShellFactory
{
    Task<ICqlShell> ConnectAsync(CqlShellOptions options, CancellationToken cancellationToken);
}

internal sealed record CqlShellOptions(
    IReadOnlyList<string> ContactPoints,
    int Port,
    string? Keyspace,
    string? Username,
    string? Password,
    int PageSize,
    TimeSpan RequestTimeout);

/// What a statement produced.
internal abstract record CqlShellResult;

/// A result with columns; <see cref="Rows"/> fetches further pages as it is enumerated.
internal sealed record CqlRowsResult(IReadOnlyList<CqlResultColumn> Columns, IAsyncEnumerable<IReadOnlyList<object?>> Rows)
    : CqlShellResult;

/// A statement without rows (DDL, INSERT, USE): a short confirmation for the user.
internal sealed record CqlConfirmation(string Message) : CqlShellResult;

/// A result column: its name and CQL type as text (e.g. "map<text, int>").
internal sealed record CqlResultColumn(string Name, string Type);

/// Why a statement or connection failed, which decides the exit code.
internal enum CqlShellFailure
{
    /// The statement or the user's input is wrong (syntax, unknown table, bad credentials...): exit 1.
    Statement,

    /// The cluster cannot serve the request (unreachable, not enough replicas, timeouts): exit 2.
    Unavailable,
}

internal sealed class CqlShellException : Exception
{
    public CqlShellException(CqlShellFailure failure, string message, Exception? innerException = null)
        : base(message, innerException) => Failure = failure;

    public CqlShellException()
    {
    }

    public CqlShellException(string message)
        : base(message)
    {
    }

    public CqlShellException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CqlShellFailure Failure { get; }
}
