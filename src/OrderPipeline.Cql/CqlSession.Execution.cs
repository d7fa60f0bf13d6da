using System.Net;
using System.Runtime.CompilerServices;
using OrderPipeline.Cql.Connections;
using OrderPipeline.Cql.Diagnostics;
using OrderPipeline.Cql.Protocol.Requests;
using OrderPipeline.Cql.Protocol.Responses;
using OrderPipeline.Cql.Routing;
using OrderPipeline.Cql.Statements;

namespace OrderPipeline.Cql;

public sealed partial class CqlSession
{
    /// <summary>Runs a CQL string without values and returns its first page.</summary>
    /// <exception cref="CqlServerException">The server refused the statement (subclass per error code).</exception>
    /// <exception cref="CqlNoHostAvailableException">No node could run it.</exception>
    /// <exception cref="CqlClientTimeoutException">The node did not answer in time.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public Task<RowSet> ExecuteAsync(string cql, CancellationToken cancellationToken = default) =>
        ExecuteAsync(new SimpleStatement(cql), cancellationToken);

    /// <summary>Runs a statement and returns its first page (empty for statements without rows).</summary>
    /// <exception cref="CqlServerException">The server refused the statement (subclass per error code).</exception>
    /// <exception cref="CqlNoHostAvailableException">No node could run it.</exception>
    /// <exception cref="CqlClientTimeoutException">The node did not answer in time.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public Task<RowSet> ExecuteAsync(CqlStatement statement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statement);

        // No async wrapper here: one state machine less per request on the hot path.
        return ExecutePageAsync(statement, statement.PagingState?.ToArray(), cancellationToken);
    }

    /// <summary>Runs a statement and streams every row, fetching further pages as the caller reads.</summary>
    /// <exception cref="CqlServerException">The server refused the statement.</exception>
    /// <exception cref="CqlNoHostAvailableException">No node could run it.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public async IAsyncEnumerable<Row> QueryAsync(CqlStatement statement, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var state = statement.PagingState?.ToArray();
        while (true)
        {
            var page = await ExecutePageAsync(statement, state, cancellationToken).ConfigureAwait(false);
            var next = page.HasMorePages
                ? ExecutePageAsync(statement, page.PagingState!.Value.ToArray(), cancellationToken)
                : null;
            try
            {
                foreach (var row in page)
                {
                    yield return row;
                }
            }
            finally
            {
                // Prefetched while the caller read this page; observe it if the caller stopped early.
                next?.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            }

            if (next is null)
            {
                yield break;
            }

            page = await next.ConfigureAwait(false);
            state = null;
            foreach (var row in page)
            {
                yield return row;
            }

            if (!page.HasMorePages)
            {
                yield break;
            }

            state = page.PagingState!.Value.ToArray();
        }
    }

    /// <summary>Prepares a statement once per query text (and keyspace); later calls return the cached one.</summary>
    /// <exception cref="CqlSyntaxException">The statement does not parse.</exception>
    /// <exception cref="CqlInvalidQueryException">The statement is invalid (unknown table...).</exception>
    /// <exception cref="CqlNoHostAvailableException">No node could prepare it.</exception>
    public async Task<PreparedStatement> PrepareAsync(string cql, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cql);
        ThrowIfDisposed();
        var key = (_keyspace ?? string.Empty) + "\u0000" + cql;
        while (true)
        {
            var task = _prepared.GetOrAdd(key, _ => PrepareCoreAsync(cql, _shutdown.Token));
            try
            {
                return await task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (task.IsFaulted || task.IsCanceled)
            {
                _prepared.TryRemove(new KeyValuePair<string, Task<PreparedStatement>>(key, task));
                if (task.IsCanceled && !cancellationToken.IsCancellationRequested && !_shutdown.IsCancellationRequested)
                {
                    continue;
                }

                throw;
            }
        }
    }

    private async Task<PreparedStatement> PrepareCoreAsync(string cql, CancellationToken cancellationToken)
    {
        var keyspace = _keyspace;
        var result = await RunAsync(new PrepareStatement(cql), null, static (_, r, _) => new ValueTask<object>(r), cancellationToken).ConfigureAwait(false);
        if (result is not PreparedResult prepared)
        {
            throw new CqlProtocolException($"PREPARE answered with {result.GetType().Name} instead of a prepared result.");
        }

        return new PreparedStatement(cql, keyspace, prepared) { PartitionKeyIndexes = prepared.Variables.PartitionKeyIndexes };
    }

    private Task<RowSet> ExecutePageAsync(CqlStatement statement, byte[]? pagingState, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        // The result is mapped inside RunAsync's own state machine: no second async frame per request.
        return RunAsync(statement, pagingState, static (session, result, ct) => session.ToRowSetAsync(result, ct), cancellationToken);
    }

    /// <summary>Synchronous for every result but a schema change, which waits for schema agreement first.</summary>
    private ValueTask<RowSet> ToRowSetAsync(object result, CancellationToken cancellationToken)
    {
        switch (result)
        {
            case RowSet rows:
                return new ValueTask<RowSet>(rows);
            case string keyspace:
                _keyspace = keyspace;
                return new ValueTask<RowSet>(RowSet.Empty);
            case SchemaChangeResult change:
                return new ValueTask<RowSet>(AfterSchemaChangeAsync(change, cancellationToken));
            default:
                return new ValueTask<RowSet>(RowSet.Empty);
        }
    }

    private async Task<RowSet> AfterSchemaChangeAsync(SchemaChangeResult change, CancellationToken cancellationToken)
    {
        await WaitForSchemaAgreementAsync(change.CoordinatorVersion, cancellationToken).ConfigureAwait(false);
        ScheduleTopologyRefresh();
        return RowSet.Empty;
    }

    /// <summary>Runs one request with metrics, retries and optional speculative executions.</summary>
    private async Task<T> RunAsync<T>(
        CqlStatement statement, byte[]? pagingState, Func<CqlSession, object, CancellationToken, ValueTask<T>> map, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var context = new RequestContext(
            statement.Consistency ?? Options.Consistency,
            statement.SerialConsistency ?? Options.SerialConsistency,
            statement.PageSize ?? Options.PageSize,
            statement.Timestamp ?? (Options.ClientTimestamps ? _timestamps.Next() : null),
            pagingState);
        object result;
        try
        {
            var plan = new QueryPlan(_loadBalancing.NewQueryPlan(statement, ProtocolVersion));
            result = statement.IsIdempotent && Options.SpeculativeExecutionDelay is { } delay
                ? await RunSpeculativelyAsync(statement, context, plan, delay, cancellationToken).ConfigureAwait(false)
                : await RunPlanAsync(statement, context, plan, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            CqlMetrics.RecordError(ex);
            throw;
        }
        finally
        {
            CqlMetrics.Requests.Add(1);
            CqlMetrics.Latency.Record(_time.GetElapsedTime(started).TotalMilliseconds);
        }

        // Outside the metrics: a schema change's agreement wait is not part of the request's latency.
        return await map(this, result, cancellationToken).ConfigureAwait(false);
    }

    private async Task<object> RunSpeculativelyAsync(CqlStatement statement, RequestContext context, QueryPlan plan, TimeSpan delay, CancellationToken cancellationToken)
    {
        using var losers = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = new List<Task<object>> { RunPlanAsync(statement, context, plan, losers.Token) };
        var launched = 0;
        Task<object>? lastFailure = null;
        try
        {
            while (true)
            {
                Task? timer = launched < Options.MaxSpeculativeExecutions && !plan.IsExhausted
                    ? Task.Delay(delay, _time, losers.Token)
                    : null;
                var completed = timer is null
                    ? await Task.WhenAny(running).ConfigureAwait(false)
                    : await Task.WhenAny([.. running, timer]).ConfigureAwait(false);
                if (completed == timer)
                {
                    launched++;
                    running.Add(RunPlanAsync(statement, context, plan, losers.Token));
                    continue;
                }

                var attempt = (Task<object>)completed;
                running.Remove(attempt);
                if (attempt.IsCompletedSuccessfully || running.Count == 0)
                {
                    return await (attempt.IsCompletedSuccessfully || lastFailure is null || attempt.IsFaulted ? attempt : lastFailure).ConfigureAwait(false);
                }

                lastFailure = attempt;
            }
        }
        finally
        {
            await losers.CancelAsync().ConfigureAwait(false);
            foreach (var task in running)
            {
                _ = task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.NotOnRanToCompletion, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Walks the query plan: next node on retryable errors, re-prepare on UNPREPARED, the caller sees the rest.</summary>
    private async Task<object> RunPlanAsync(CqlStatement statement, RequestContext context, QueryPlan plan, CancellationToken cancellationToken)
    {
        Dictionary<EndPoint, Exception>? errors = null;
        var retries = 0;
        while (plan.TryNext(out var host))
        {
            CqlConnection connection;
            try
            {
                connection = await host.Pool!.AcquireAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is CqlException or IOException && !cancellationToken.IsCancellationRequested)
            {
                (errors ??= [])[host.EndPoint] = ex;
                OnHostConnectionsClosed(host, ex);
                continue;
            }

            try
            {
                // Inlined (not a separate async method): one state machine less per request.
                host.CountRequest();
                var keyspace = _keyspace;
                if (keyspace is not null && !string.Equals(connection.Keyspace, keyspace, StringComparison.Ordinal))
                {
                    await connection.UseKeyspaceAsync(keyspace, cancellationToken).ConfigureAwait(false);
                }

                for (var attempt = 0; ; attempt++)
                {
                    var frame = await connection.SendAsync(statement.BuildRequest(context), statement.Timeout, cancellationToken).ConfigureAwait(false);
                    try
                    {
                        var result = ResultDecoder.Decode(frame, connection.EndPoint, connection.ProtocolVersion);
                        return result is SchemaChangeEvent change
                            ? new SchemaChangeResult(change, await ReadSchemaVersionAsync(connection, cancellationToken).ConfigureAwait(false))
                            : result;
                    }
                    catch (CqlUnpreparedException unprepared) when (attempt == 0)
                    {
                        Log.Repreparing(_logger, connection.EndPoint);
                        await ReprepareAsync(statement, unprepared.Id, connection, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
            catch (CqlException ex) when (!cancellationToken.IsCancellationRequested)
            {
                (errors ??= [])[host.EndPoint] = ex;
                var sent = ex is not CqlConnectionException { RequestNotSent: true };
                if (_retry.Decide(statement, ex, sent, retries) == RetryDecision.Rethrow)
                {
                    throw;
                }

                if (sent)
                {
                    retries++;
                }

                CqlMetrics.Retries.Add(1);
                Log.Retrying(_logger, host.EndPoint, ex.GetType().Name);
            }
        }

        throw new CqlNoHostAvailableException(errors ?? []);
    }

    /// <summary>Prepares again, on the node that forgot it, every prepared statement in the request with that id.</summary>
    private static async Task ReprepareAsync(CqlStatement statement, ReadOnlyMemory<byte> id, CqlConnection connection, CancellationToken cancellationToken)
    {
        var targets = statement switch
        {
            BoundStatement bound => [bound.Prepared],
            BatchStatement batch => batch.Statements.OfType<BoundStatement>().Select(static b => b.Prepared).Distinct().ToList(),
            _ => new List<PreparedStatement>(),
        };

        var found = false;
        foreach (var prepared in targets)
        {
            if (prepared.Id.AsSpan().SequenceEqual(id.Span) || targets.Count == 1)
            {
                found = true;
                await PrepareOnAsync(prepared, connection, cancellationToken).ConfigureAwait(false);
            }
        }

        if (!found)
        {
            throw new CqlUnpreparedException($"{connection.EndPoint} does not know a prepared statement this client did not send.", connection.EndPoint, id);
        }
    }

    private static async Task PrepareOnAsync(PreparedStatement prepared, CqlConnection connection, CancellationToken cancellationToken)
    {
        if (prepared.Keyspace is { } keyspace && !string.Equals(connection.Keyspace, keyspace, StringComparison.Ordinal))
        {
            await connection.UseKeyspaceAsync(keyspace, cancellationToken).ConfigureAwait(false);
        }

        var frame = await connection.SendAsync(new PrepareRequest(prepared.Query), null, cancellationToken).ConfigureAwait(false);
        if (ResultDecoder.Decode(frame, connection.EndPoint, connection.ProtocolVersion) is PreparedResult result)
        {
            prepared.Update(result);
        }
    }

    /// <summary>After a node came back (maybe restarted, with an empty statement cache), prepare everything again.</summary>
    private async Task ReprepareAllAsync(Host host, CancellationToken cancellationToken)
    {
        if (_prepared.IsEmpty)
        {
            return;
        }

        var connection = await host.Pool!.AcquireAsync(cancellationToken).ConfigureAwait(false);
        foreach (var task in _prepared.Values)
        {
            if (task.IsCompletedSuccessfully)
            {
                try
                {
                    await PrepareOnAsync(task.Result, connection, cancellationToken).ConfigureAwait(false);
                }
                catch (CqlServerException)
                {
                    // A statement that no longer prepares (dropped table) fails for callers with its own error.
                }
            }
        }
    }

    /// <summary>A query plan several speculative executions can share: each node is tried once.</summary>
    private sealed class QueryPlan(IEnumerable<Host> hosts)
    {
        private readonly IEnumerator<Host> _hosts = hosts.GetEnumerator();

        public bool IsExhausted { get; private set; }

        public bool TryNext(out Host host)
        {
            // Locks the private enumerator itself: a Lock object per request would be one more allocation.
            lock (_hosts)
            {
                if (!IsExhausted && _hosts.MoveNext())
                {
                    host = _hosts.Current;
                    return true;
                }

                IsExhausted = true;
                host = null!;
                return false;
            }
        }
    }
}
