using System.Net;
using OrderPipeline.Cql.Connections;
using OrderPipeline.Cql.Diagnostics;

namespace OrderPipeline.Cql;

public sealed partial class CqlSession
{
    private static readonly TimeSpan SchemaAgreementPoll = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Waits until every up node reports the coordinator's schema version (system.local and system.peers on the
    /// control connection): Cassandra answers a DDL statement once its coordinator applied it, while the other
    /// nodes learn of it through gossip a moment later. Gives up quietly after
    /// <see cref="CqlSessionOptions.SchemaAgreementTimeout"/>; the statement itself succeeded.
    /// </summary>
    private async Task WaitForSchemaAgreementAsync(CancellationToken cancellationToken)
    {
        var timeout = Options.SchemaAgreementTimeout;
        if (timeout <= TimeSpan.Zero)
        {
            return;
        }

        var started = _time.GetTimestamp();
        var versions = 0;
        while (_control is { IsClosed: false } control)
        {
            try
            {
                versions = await CountSchemaVersionsAsync(control, cancellationToken).ConfigureAwait(false);
            }
            catch (CqlException)
            {
                // The control connection is being replaced; the DDL itself succeeded, so do not fail the caller.
                return;
            }

            var elapsed = _time.GetElapsedTime(started);
            if (versions <= 1)
            {
                Log.SchemaAgreed(_logger, elapsed.TotalMilliseconds);
                return;
            }

            if (elapsed >= timeout)
            {
                Log.SchemaDisagreement(_logger, elapsed.TotalMilliseconds, versions);
                return;
            }

            await Task.Delay(SchemaAgreementPoll, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Distinct schema versions among the control node and the peers the session considers up.</summary>
    private async Task<int> CountSchemaVersionsAsync(CqlConnection control, CancellationToken cancellationToken)
    {
        var versions = new HashSet<Guid>();
        foreach (var row in await QueryControlAsync(control, "SELECT schema_version FROM system.local WHERE key='local'", cancellationToken).ConfigureAwait(false))
        {
            if (row.Get<Guid?>("schema_version") is { } version)
            {
                versions.Add(version);
            }
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
                && row.Get<Guid?>("schema_version") is { } version)
            {
                versions.Add(version);
            }
        }

        return versions.Count;
    }
}
