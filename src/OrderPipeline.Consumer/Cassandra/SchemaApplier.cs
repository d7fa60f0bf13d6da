using System.Text.RegularExpressions;
using OrderPipeline.Orders.Schema;

namespace OrderPipeline.Consumer.Cassandra;

/// <summary>
/// Applies schema/ecommerce.cql (via <see cref="EcommerceSchema"/>) with a chosen replication factor and,
/// for tests and side-by-side runs, another keyspace name. Every statement is IF NOT EXISTS, so applying twice
/// is harmless.
/// </summary>
public static partial class SchemaApplier
{
    /// <summary>The statements to run, in order, for <paramref name="keyspace"/> and <paramref name="replicationFactor"/>.</summary>
    public static IReadOnlyList<string> Statements(int replicationFactor, string keyspace)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyspace);
        if (!KeyspaceName().IsMatch(keyspace))
        {
            throw new ArgumentException($"'{keyspace}' is not a valid keyspace name (letters, digits, underscore; at most 48).", nameof(keyspace));
        }

        var schema = EcommerceSchema.Load().WithReplicationFactor(replicationFactor);
        var original = schema.Keyspace.Name;
        var rename = new Regex($@"(?<![\w""'.]){Regex.Escape(original)}(?=\.|\s+WITH|\s*;|\s*$)", RegexOptions.CultureInvariant);
        return [.. schema.Statements.Select(s => rename.Replace(s.TextWithoutSemicolon, keyspace))];
    }

    public static async Task<int> ApplyAsync(CassandraAccess cassandra, int replicationFactor, string keyspace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cassandra);
        var statements = Statements(replicationFactor, keyspace);
        foreach (var statement in statements)
        {
            await cassandra.ExecuteDdlAsync(statement, cancellationToken);
        }

        return statements.Count;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_]{1,48}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyspaceName();
}
