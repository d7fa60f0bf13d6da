using OrderPipeline.Cql.Statements;

namespace OrderPipeline.Cql.Tests.Statements;

public class CqlScriptSplitterTests
{
    private static string[] Texts(string script) => [.. CqlScriptSplitter.Split(script).Select(s => s.Text)];

    [Fact]
    public void Should_SplitOnSemicolons_When_PlainStatements()
    {
        Assert.Equal(["SELECT 1", "SELECT 2"], Texts("SELECT 1; SELECT 2;"));
    }

    [Fact]
    public void Should_KeepLastStatement_When_NoTrailingSemicolon()
    {
        Assert.Equal(["USE ks", "SELECT * FROM t"], Texts("USE ks;\nSELECT * FROM t\n"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData(";;;")]
    [InlineData("-- only a comment")]
    [InlineData("/* block */ ; // line\n ;")]
    public void Should_YieldNothing_When_OnlyWhitespaceCommentsOrEmptyStatements(string script)
    {
        Assert.Empty(CqlScriptSplitter.Split(script));
    }

    [Fact]
    public void Should_IgnoreSemicolon_When_InsideStringLiteral()
    {
        Assert.Equal(["INSERT INTO t (k, v) VALUES (1, 'a;b')", "SELECT 1"], Texts("INSERT INTO t (k, v) VALUES (1, 'a;b'); SELECT 1"));
    }

    [Fact]
    public void Should_HandleDoubledQuote_When_StringContainsEscapedQuote()
    {
        Assert.Equal(["INSERT INTO t (k) VALUES ('it''s; fine')", "SELECT 2"], Texts("INSERT INTO t (k) VALUES ('it''s; fine');SELECT 2"));
    }

    [Fact]
    public void Should_HandleEmptyString_When_TwoQuotesFollowedBySemicolon()
    {
        Assert.Equal(["UPDATE t SET v = '' WHERE k = 1", "SELECT 3"], Texts("UPDATE t SET v = '' WHERE k = 1; SELECT 3"));
    }

    [Fact]
    public void Should_IgnoreSemicolon_When_InsideQuotedIdentifier()
    {
        Assert.Equal(["SELECT \"we;ird\"\"col\" FROM t", "SELECT 1"], Texts("SELECT \"we;ird\"\"col\" FROM t; SELECT 1"));
    }

    [Fact]
    public void Should_IgnoreSemicolon_When_InsideDollarString()
    {
        const string Function = "CREATE FUNCTION f (x int) RETURNS NULL ON NULL INPUT RETURNS int LANGUAGE java AS $$ return x; // '\n $$";
        Assert.Equal([Function, "SELECT 1"], Texts(Function + ";\nSELECT 1;"));
    }

    [Fact]
    public void Should_AllowSingleDollar_When_InsideDollarString()
    {
        Assert.Equal(["SELECT $$ costs $5; ok $$ FROM t"], Texts("SELECT $$ costs $5; ok $$ FROM t;"));
    }

    [Theory]
    [InlineData("SELECT 1 -- no; split here\n;SELECT 2")]
    [InlineData("SELECT 1 // no; split here\n;SELECT 2")]
    [InlineData("SELECT 1 /* no; split\n here */;SELECT 2")]
    public void Should_IgnoreSemicolon_When_InsideComment(string script)
    {
        Assert.Equal(["SELECT 1", "SELECT 2"], Texts(script));
    }

    [Fact]
    public void Should_DropLeadingAndTrailingComments_When_AroundStatement()
    {
        var texts = Texts("-- create it\n/* why */ CREATE TABLE t (k int PRIMARY KEY) -- done\n;");

        Assert.Equal(["CREATE TABLE t (k int PRIMARY KEY)"], texts);
    }

    [Fact]
    public void Should_KeepInnerComments_When_InsideStatement()
    {
        Assert.Equal(["SELECT k /* the key */ FROM t -- trailing\nWHERE k = 1"], Texts("SELECT k /* the key */ FROM t -- trailing\nWHERE k = 1;"));
    }

    [Fact]
    public void Should_NotStartComment_When_DashesOrSlashesAreInStrings()
    {
        Assert.Equal(["SELECT '--', '//', '/*' FROM t", "SELECT 2"], Texts("SELECT '--', '//', '/*' FROM t; SELECT 2"));
    }

    [Fact]
    public void Should_TreatQuotesAsText_When_InsideComments()
    {
        Assert.Equal(["SELECT 1", "SELECT 2"], Texts("SELECT 1; -- don't\n/* \"it's\" $$ */ SELECT 2;"));
    }

    [Fact]
    public void Should_KeepSingleMinusAndDivide_When_NotComments()
    {
        Assert.Equal(["SELECT -1, 4 / 2 FROM t"], Texts("SELECT -1, 4 / 2 FROM t;"));
    }

    [Fact]
    public void Should_NotNestBlockComments_When_InnerOpenerAppears()
    {
        // Cassandra's lexer ends a block comment at the first */
        Assert.Equal(["x */ SELECT 1"], Texts("/* a /* b */ x */ SELECT 1;"));
    }

    [Fact]
    public void Should_ReportStartLine_When_StatementsSpanLines()
    {
        // Given statements after comments, multi-line strings and block comments
        const string Script = "-- header\n\nCREATE TABLE t (\n  k int PRIMARY KEY\n);\n/* two\nlines */\nINSERT INTO t (k) VALUES ('a\nb'); SELECT $$x\ny$$;\n\nSELECT 3";

        var statements = CqlScriptSplitter.Split(Script);

        Assert.Equal([3, 8, 9, 12], statements.Select(s => s.Line));
    }

    [Fact]
    public void Should_HandleCarriageReturns_When_WindowsLineEndings()
    {
        var statements = CqlScriptSplitter.Split("SELECT 1;\r\n-- c\r\nSELECT 2;\r\n");

        Assert.Equal(["SELECT 1", "SELECT 2"], statements.Select(s => s.Text));
        Assert.Equal([1, 3], statements.Select(s => s.Line));
    }

    [Theory]
    [InlineData("SELECT 'abc; SELECT 2", "string literal", 1)]
    [InlineData("SELECT 1;\nSELECT \"abc", "quoted identifier", 2)]
    [InlineData("\n\n/* open", "block comment", 3)]
    [InlineData("SELECT $$ open", "$$ string literal", 1)]
    [InlineData("SELECT 'it''", "string literal", 1)]
    public void Should_Throw_When_LiteralOrCommentNeverClosed(string script, string what, int line)
    {
        var error = Assert.Throws<FormatException>(() => CqlScriptSplitter.Split(script));

        Assert.Contains(what, error.Message, StringComparison.Ordinal);
        Assert.Contains($"line {line}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_SplitSchemaFile_When_GivenTheRepositorySchema()
    {
        // Given the repository's schema script (header comments, a keyspace, two tables)
        var script = File.ReadAllText(Path.Combine(RepositoryRoot(), "schema", "ecommerce.cql"));

        var statements = CqlScriptSplitter.Split(script);

        // Then it yields its three statements, each starting with CREATE
        Assert.Equal(3, statements.Count);
        Assert.All(statements, s => Assert.StartsWith("CREATE ", s.Text, StringComparison.Ordinal));
        Assert.All(statements, s => Assert.DoesNotContain("--", s.Text, StringComparison.Ordinal));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OrderPipeline.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
