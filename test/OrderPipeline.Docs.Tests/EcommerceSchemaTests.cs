using OrderPipeline.Orders.Schema;

namespace OrderPipeline.Docs.Tests;

public sealed class EcommerceSchemaTests
{
    [Fact]
    public void Should_ReadKeyspaceThenTables_When_LoadingTheEmbeddedSchema()
    {
        var schema = EcommerceSchema.Load();

        Assert.Equal(["ecommerce", "ecommerce.orders", "ecommerce.orders_by_day"], schema.Statements.Select(s => s.Name));
        Assert.Equal(["KEYSPACE", "TABLE", "TABLE"], schema.Statements.Select(s => s.Kind));
        Assert.Equal(EcommerceSchema.DefaultReplicationFactor, schema.ReplicationFactor);
    }

    [Fact]
    public void Should_MatchTheSchemaFileExactly_When_LoadedFromTheResource()
    {
        // Given the file in schema/ (the source of truth) and the copy embedded in the Orders assembly
        var file = RepositoryFiles.Read("schema/ecommerce.cql").Replace("\r\n", "\n", StringComparison.Ordinal);

        // Then the embedded script is the file, and every statement is a verbatim part of it
        var schema = EcommerceSchema.Load();
        Assert.Equal(file, schema.Script);
        Assert.All(schema.Statements, s => Assert.Contains(s.Text, file, StringComparison.Ordinal));
        Assert.All(schema.Statements, s => Assert.EndsWith(";", s.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Should_AttachTheCommentAboveEachTable_When_Splitting()
    {
        var schema = EcommerceSchema.Load();

        Assert.StartsWith("One row per order", schema.Find("orders").Comment, StringComparison.Ordinal);
        Assert.StartsWith("Query table", schema.Find("orders_by_day").Comment, StringComparison.Ordinal);
        Assert.Contains("USING CONSISTENCY QUORUM", schema.Header, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ChangeOnlyTheReplicationFactor_When_WithReplicationFactorIsCalled()
    {
        var schema = EcommerceSchema.Load();

        var three = schema.WithReplicationFactor(3);

        Assert.Equal(3, three.ReplicationFactor);
        Assert.Contains("'replication_factor': 3}", three.Keyspace.Text, StringComparison.Ordinal);
        Assert.Equal(schema.Script.Replace("'replication_factor': 1}", "'replication_factor': 3}", StringComparison.Ordinal), three.Script);
        Assert.Equal(schema.Tables.Select(t => t.Text), three.Tables.Select(t => t.Text));
        Assert.Equal(schema.Statements.Count, three.Statements.Count);
    }

    [Fact]
    public void Should_Throw_When_ReplicationFactorIsBelowOne()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EcommerceSchema.Load().WithReplicationFactor(0));
    }

    [Fact]
    public void Should_KeepSemicolonsInsideStrings_When_Splitting()
    {
        var script = """
            -- header

            CREATE KEYSPACE k WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 2};
            -- a table
            CREATE TABLE k.t (a text PRIMARY KEY) WITH comment = 'one; two';
            INSERT INTO k.t (a) VALUES ('x;y');
            """;

        var schema = EcommerceSchema.Parse(script);

        Assert.Equal(3, schema.Statements.Count);
        Assert.Equal("CREATE TABLE k.t (a text PRIMARY KEY) WITH comment = 'one; two';", schema.Find("k.t").Text);
        Assert.Equal("a table", schema.Find("t").Comment);
        Assert.Equal("", schema.Statements[2].Kind);
        Assert.Equal(2, schema.ReplicationFactor);
        Assert.Equal("header", schema.Header);
    }

    [Fact]
    public void Should_Throw_When_TheLastStatementHasNoSemicolon()
    {
        var script = "CREATE KEYSPACE k WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}";

        var error = Assert.Throws<FormatException>(() => EcommerceSchema.Parse(script));
        Assert.Contains("without ';'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Throw_When_TheScriptHasNoKeyspace()
    {
        Assert.Throws<FormatException>(() => EcommerceSchema.Parse("CREATE TABLE k.t (a int PRIMARY KEY);"));
    }

    [Fact]
    public void Should_NameTheKnownObjects_When_FindingAnUnknownName()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => EcommerceSchema.Load().Find("customers"));
        Assert.Contains("ecommerce.orders", error.Message, StringComparison.Ordinal);
    }
}
