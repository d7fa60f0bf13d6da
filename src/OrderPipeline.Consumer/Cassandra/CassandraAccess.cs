using System.Runtime.CompilerServices;
using OrderPipeline.Consumer.Writing;
using OrderPipeline.Cql;

namespace OrderPipeline.Consumer.Cassandra;

/// <summary>
/// The consumer's one door to the CQL client: connect (failing fast with a clear message), prepare, execute at
/// QUORUM, scan with paging, run DDL. Keeping every client call here keeps the rest of the consumer independent
/// of the client's API details.
/// </summary>
public sealed class CassandraAccess : IAsyncDisposable
{
    private readonly CqlSession _session;

    private CassandraAccess(CqlSession session, string contactPoints)
    {
        _session = session;
        ContactPoints = contactPoints;
    }

    public string ContactPoints { get; }

    /// <exception cref="InfrastructureUnavailableException">No contact point answered within <paramref name="timeout"/>.</exception>
    public static Task<CassandraAccess> ConnectAsync(string contactPoints, TimeSpan timeout, CancellationToken cancellationToken) =>
        ConnectAsync(contactPoints, discoverPeers: true, timeout, cancellationToken);

    /// <param name="discoverPeers">False keeps every connection on the contact points (see <see cref="CqlSessionOptions.DiscoverPeers"/>).</param>
    /// <exception cref="InfrastructureUnavailableException">No contact point answered within <paramref name="timeout"/>.</exception>
    public static async Task<CassandraAccess> ConnectAsync(string contactPoints, bool discoverPeers, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contactPoints);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var options = new CqlSessionOptions
            {
                ContactPoints = [.. contactPoints.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                ConnectTimeout = timeout,
                DiscoverPeers = discoverPeers,
            };
            var session = await CqlSession.ConnectAsync(options, null, deadline.Token);
            return new CassandraAccess(session, contactPoints);
        }
        catch (Exception ex) when (ex is CqlException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new InfrastructureUnavailableException(
                $"Cassandra is unreachable at {contactPoints} ({ex.Message}). Start it with './orderpipeline stack up' or pass --contact-points.", ex);
        }
    }

    /// <summary>A prepared statement handle.</summary>
    public sealed class Prepared(PreparedStatement statement)
    {
        internal PreparedStatement Statement { get; } = statement;
    }

    public async Task<Prepared> PrepareAsync(string cql, CancellationToken cancellationToken) =>
        new(await _session.PrepareAsync(cql, cancellationToken));

    /// <summary>Executes a prepared write at QUORUM (values in marker order).</summary>
    public Task ExecuteAsync(Prepared prepared, object?[] values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        return _session.ExecuteAsync(
            prepared.Statement.Bind(values).WithConsistency(CqlConsistency.Quorum).AsIdempotent(), cancellationToken);
    }

    /// <summary>Runs a schema statement, then waits (bounded) until every node reports the same schema version.</summary>
    public async Task ExecuteDdlAsync(string cql, CancellationToken cancellationToken)
    {
        await _session.ExecuteAsync(new SimpleStatement(cql).WithConsistency(CqlConsistency.Quorum), cancellationToken);
        await WaitForSchemaAgreementAsync(TimeSpan.FromSeconds(30), cancellationToken);
    }

    /// <summary>
    /// DDL is applied by one node and spreads by gossip; preparing a statement on another node before it arrives
    /// fails, so schema changes wait until system.local and system.peers agree on one schema version.
    /// </summary>
    private async Task WaitForSchemaAgreementAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var versions = new HashSet<Guid>();
            foreach (var query in new[] { "SELECT schema_version FROM system.local", "SELECT schema_version FROM system.peers" })
            {
                foreach (var row in await _session.ExecuteAsync(new SimpleStatement(query).WithConsistency(CqlConsistency.One), cancellationToken))
                {
                    if (!row.IsNull("schema_version"))
                    {
                        versions.Add(row.Get<Guid>("schema_version"));
                    }
                }
            }

            if (versions.Count <= 1 || DateTime.UtcNow > deadline)
            {
                return;
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>Every row of a query at QUORUM, fetched page by page (memory bounded by one page).</summary>
    public async IAsyncEnumerable<Row> QueryAllAsync(string cql, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var statement = new SimpleStatement(cql) { PageSize = pageSize }.WithConsistency(CqlConsistency.Quorum).AsIdempotent();
        await foreach (var row in _session.QueryAsync(statement, cancellationToken))
        {
            yield return row;
        }
    }

    /// <summary>A small query at QUORUM, rendered as text for display.</summary>
    public async Task<SampleRows> QueryAsync(string cql, CancellationToken cancellationToken)
    {
        var rows = await _session.ExecuteAsync(new SimpleStatement(cql).WithConsistency(CqlConsistency.Quorum), cancellationToken);
        var columns = rows.Columns.Select(c => c.Name).ToArray();
        var values = rows.Select(r => Enumerable.Range(0, columns.Length).Select(i => Show(r.GetValue(i))).ToArray()).ToList();
        return new SampleRows(columns, values);
    }

    public static bool IsCqlError(Exception exception) => exception is CqlException;

    /// <summary>
    /// Errors about the statement itself (Invalid, SyntaxError, FunctionFailure) are permanent: the message is
    /// dead-lettered. Everything else is retried, which is safe because writes are idempotent: Unavailable (not
    /// applied), WriteTimeout (maybe applied), ReadTimeout, Overloaded, lost connections, no host, client timeouts,
    /// and node-local server errors, so a message is never dropped because of the state of a node.
    /// </summary>
    public static StoreFailureKind Classify(Exception exception) =>
        exception is CqlServerException { Code: CqlErrorCode.Invalid or CqlErrorCode.SyntaxError or CqlErrorCode.FunctionFailure }
            ? StoreFailureKind.Permanent
            : StoreFailureKind.Transient;

    public ValueTask DisposeAsync() => _session.DisposeAsync();

    private static string Show(object? value) => value switch
    {
        null => "null",
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        Guid g => g.ToString("N"),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}

/// <summary>Rows of a small query as display strings.</summary>
public sealed record SampleRows(IReadOnlyList<string> Columns, IReadOnlyList<string[]> Rows);
