using OrderPipeline.Cli.Commands.Cql;

namespace OrderPipeline.Cli.Tests.Commands.Cql;

/// A scripted shell for output and exit-code tests: answers each statement with the next scripted outcome.
internal sealed class FakeShell : ICqlShell, ICqlShellFactory
{
    private readonly Queue<Func<CqlShellResult>> _answers = new();

    public List<(string Statement, string Consistency)> Executed { get; } = [];

    public CqlShellOptions? ConnectedWith { get; private set; }

    public CqlShellException? ConnectFailure { get; init; }

    public bool Disposed { get; private set; }

    public FakeShell Answer(CqlShellResult result)
    {
        _answers.Enqueue(() => result);
        return this;
    }

    public FakeShell Fail(CqlShellFailure failure, string message)
    {
        _answers.Enqueue(() => throw new CqlShellException(failure, message));
        return this;
    }

    public Task<ICqlShell> ConnectAsync(CqlShellOptions options, CancellationToken cancellationToken)
    {
        ConnectedWith = options;
        return ConnectFailure is null ? Task.FromResult<ICqlShell>(this) : Task.FromException<ICqlShell>(ConnectFailure);
    }

    public Task<CqlShellResult> ExecuteAsync(string statement, string consistency, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Executed.Add((statement, consistency));
        return Task.FromResult(_answers.Dequeue()());
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }

    public static CqlRowsResult Rows(string[] columns, params object?[][] rows) =>
        new([.. columns.Select(c => new CqlResultColumn(c, "text"))], ToAsync(rows));

    public static async IAsyncEnumerable<IReadOnlyList<object?>> ToAsync(IEnumerable<object?[]> rows)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            yield return row;
        }
    }
}
