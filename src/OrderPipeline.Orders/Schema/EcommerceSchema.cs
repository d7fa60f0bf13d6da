using System.Globalization;
using System.Text.RegularExpressions;

namespace OrderPipeline.Orders.Schema;

/// <summary>
/// The pipeline's Cassandra schema, read from schema/ecommerce.cql (embedded in this assembly, the only copy).
/// `schema apply` executes <see cref="Statements"/> in order; `docs` writes <see cref="Script"/> and explains
/// each statement, so both always describe the same DDL.
/// </summary>
public sealed partial class EcommerceSchema
{
    /// <summary>The replication factor written in the schema file (the single-node default).</summary>
    public const int DefaultReplicationFactor = 1;

    private const string ResourceName = "OrderPipeline.Orders.Schema.ecommerce.cql";

    private EcommerceSchema(string script, string header, IReadOnlyList<SchemaStatement> statements, int replicationFactor)
    {
        Script = script;
        Header = header;
        Statements = statements;
        ReplicationFactor = replicationFactor;
    }

    /// <summary>The whole script with comments, with the chosen replication factor substituted.</summary>
    public string Script { get; }

    /// <summary>The file's opening comment block (without "--" markers).</summary>
    public string Header { get; }

    /// <summary>The statements in file order, each with the comment directly above it.</summary>
    public IReadOnlyList<SchemaStatement> Statements { get; }

    /// <summary>The keyspace's replication factor in this version of the script.</summary>
    public int ReplicationFactor { get; }

    /// <summary>The keyspace the schema creates.</summary>
    public SchemaStatement Keyspace => Statements.Single(s => s.Kind == "KEYSPACE");

    /// <summary>The CREATE TABLE statements in file order.</summary>
    public IEnumerable<SchemaStatement> Tables => Statements.Where(s => s.Kind == "TABLE");

    /// <summary>Loads the schema embedded from schema/ecommerce.cql.</summary>
    public static EcommerceSchema Load()
    {
        using var stream = typeof(EcommerceSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded schema resource '{ResourceName}' is missing from the build.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Parses a schema script; it must contain exactly one CREATE KEYSPACE with a replication_factor.</summary>
    /// <exception cref="FormatException">The script has no keyspace, several, or no replication factor in it.</exception>
    public static EcommerceSchema Parse(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        script = script.Replace("\r\n", "\n", StringComparison.Ordinal);
        var (header, statements) = CqlScriptSplitter.Split(script);
        var keyspaces = statements.Where(s => s.Kind == "KEYSPACE").ToList();
        if (keyspaces.Count != 1)
        {
            throw new FormatException($"The schema must create exactly one keyspace; found {keyspaces.Count}.");
        }

        var matches = ReplicationFactorRegex().Matches(keyspaces[0].Text);
        if (matches.Count != 1)
        {
            throw new FormatException("The keyspace statement must contain exactly one 'replication_factor': N.");
        }

        var factor = int.Parse(matches[0].Groups["n"].Value, CultureInfo.InvariantCulture);
        return new EcommerceSchema(script, header, statements, factor);
    }

    /// <summary>The same schema with the keyspace's replication factor set to <paramref name="replicationFactor"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The factor is below 1.</exception>
    public EcommerceSchema WithReplicationFactor(int replicationFactor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replicationFactor, 1);
        var keyspace = Keyspace.Text;
        // Statement texts are exact substrings of the (LF-normalised) script, so only the keyspace changes.
        var start = Script.IndexOf(keyspace, StringComparison.Ordinal);
        var replaced = ReplicationFactorRegex().Replace(keyspace, m =>
        {
            var digits = m.Groups["n"];
            var at = digits.Index - m.Index;
            return string.Concat(m.Value.AsSpan(0, at), replicationFactor.ToString(CultureInfo.InvariantCulture), m.Value.AsSpan(at + digits.Length));
        });
        return Parse(string.Concat(Script.AsSpan(0, start), replaced, Script.AsSpan(start + keyspace.Length)));
    }

    /// <summary>The statement creating <paramref name="name"/> ("ecommerce.orders", "orders" or "ecommerce").</summary>
    /// <exception cref="KeyNotFoundException">No statement creates an object of that name.</exception>
    public SchemaStatement Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Statements.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? Statements.FirstOrDefault(s => s.Name.Length > 0 && string.Equals(s.ShortName, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new KeyNotFoundException($"The schema has no statement creating '{name}'. It creates: {string.Join(", ", Statements.Select(s => s.Name))}.");
    }

    [GeneratedRegex(@"'replication_factor'\s*:\s*'?(?<n>\d+)'?", RegexOptions.CultureInvariant)]
    private static partial Regex ReplicationFactorRegex();
}
