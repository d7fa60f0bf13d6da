using System.Net;
using OrderPipeline.Cql.Connections;
using OrderPipeline.Cql.Diagnostics;
using OrderPipeline.Cql.Protocol.Responses;

namespace OrderPipeline.Cql;

public sealed partial class CqlSession
{
    private const string LocalSchemaVersionQuery = "SELECT schema_version FROM system.local WHERE key='local'";
    private static readonly TimeSpan SchemaAgreementPoll = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Waits until every up node reports the schema version of the coordinator that ran the DDL: Cassandra
    /// answers a DDL statement once its coordinator applied it, while the other nodes learn of it a moment later
    /// (measured on 2.1: the control node still reported the old version, agreeing with its stale view of the
    /// peers, 80 ms before it applied a CREATE TABLE). Reads system.local and system.peers on the control
    /// connection; gives up quietly after <see cref="CqlSessionOptions.SchemaAgreementTimeout"/>, as the
    /// statement itself succeeded.
    /// </summary>
    private async Task WaitForSchemaAgreementAsync(Guid? coordinatorVersion, CancellationToken cancellationToken)
    {
        var timeout = Options.SchemaAgreementTimeout;
        if (timeout <= TimeSpan.Zero)
        {
            return;
        }

        var started = _time.GetTimestamp();
        while (_control is { IsClosed: false } control)
        {
            HashSet<Guid> versions;
            try
            {
                versions = await ReadSchemaVersionsAsync(control, cancellationToken).ConfigureAwait(false);
            }
            catch (CqlException)
            {
                // The control connection is being replaced; the DDL itself succeeded, so do not fail the caller.
                return;
            }

            var elapsed = _time.GetElapsedTime(started);
            if (versions.Count == 1 && (coordinatorVersion is null || versions.Contains(coordinatorVersion.Value)))
            {
                Log.SchemaAgreed(_logger, elapsed.TotalMilliseconds);
                return;
            }

            if (elapsed >= timeout)
            {
                Log.SchemaDisagreement(_logger, elapsed.TotalMilliseconds, versions.Count);
                return;
            }

            await Task.Delay(SchemaAgreementPoll, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The schema version of the node behind <paramref name="connection"/>; null when it cannot tell.</summary>
    private static async Task<Guid?> ReadSchemaVersionAsync(CqlConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            var rows = await QueryControlAsync(connection, LocalSchemaVersionQuery, cancellationToken).ConfigureAwait(false);
            return rows.Count > 0 && Has(rows[0], "schema_version") ? rows[0].Get<Guid?>("schema_version") : null;
        }
        catch (CqlServerException)
        {
            return null;
        }
    }

    /// <summary>Distinct schema versions among the control node and the peers the session considers up.</summary>
    private async Task<HashSet<Guid>> ReadSchemaVersionsAsync(CqlConnection control, CancellationToken cancellationToken)
    {
        var versions = new HashSet<Guid>();
        if (await ReadSchemaVersionAsync(control, cancellationToken).ConfigureAwait(false) is { } local)
        {
            versions.Add(local);
        }

        foreach (var row in await QueryControlAsync(control, "SELECT peer, rpc_address, schema_version FROM system.peers", cancellationToken).ConfigureAwait(false))
        {
            var address = row.Get<IPAddress?>("rpc_address") ?? row.Get<IPAddress?>("peer");
            if (address is null || address.Equals(IPAddress.Any))
            {
                address = row.Get<IPAddress?>("peer");
            }

            // A node that is down cannot agree; waiting for it would only burn the timeout.
            if (address is not null && FindHost(new IPEndPoint(address, Options.Port)) is { IsUp: true }
                && Has(row, "schema_version") && row.Get<Guid?>("schema_version") is { } version)
            {
                versions.Add(version);
            }
        }

        return versions;
    }
}

/// <summary>A DDL statement's result, with the schema version its coordinator reported right after applying it.</summary>
internal sealed record SchemaChangeResult(SchemaChangeEvent Change, Guid? CoordinatorVersion);
