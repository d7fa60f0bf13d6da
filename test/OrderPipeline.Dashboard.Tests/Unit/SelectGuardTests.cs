using OrderPipeline.Dashboard.Query;

namespace OrderPipeline.Dashboard.Tests.Unit;

public class SelectGuardTests
{
    [Theory]
    [InlineData("SELECT * FROM ecommerce.orders_by_day LIMIT 5")]
    [InlineData("  select count(*) from ecommerce.orders ;  ")]
    [InlineData("-- newest\nSELECT order_id FROM ecommerce.orders_by_day WHERE purchase_day = '2017-10-02'")]
    [InlineData("/* a; b */ SELECT * FROM t WHERE x = 'a;b' ; -- trailing comment")]
    [InlineData("SeLeCt \"order_id\" FROM t")]
    public void Should_Accept_When_OneSelect(string text)
    {
        var result = SelectGuard.Check(text);

        Assert.True(result.Accepted, result.Error);
        Assert.Contains("select", result.Statement!, StringComparison.OrdinalIgnoreCase);
        Assert.False(result.Statement!.TrimEnd().EndsWith(';'));
    }

    [Theory]
    [InlineData("INSERT INTO t (a) VALUES (1)", "'INSERT' is refused")]
    [InlineData("DROP KEYSPACE ecommerce", "'DROP' is refused")]
    [InlineData("TRUNCATE ecommerce.orders", "'TRUNCATE' is refused")]
    [InlineData("update t set a = 1 where k = 2", "'update' is refused")]
    [InlineData("BEGIN BATCH INSERT INTO t (a) VALUES (1); APPLY BATCH", "Only one statement")]
    [InlineData("SELECT * FROM t; DROP TABLE t", "Only one statement")]
    [InlineData("SELECT * FROM t; SELECT * FROM u", "Only one statement")]
    [InlineData("-- SELECT\nDELETE FROM t WHERE k = 1", "'DELETE' is refused")]
    [InlineData("SELECT * FROM t WHERE a = 'unclosed", "not closed")]
    [InlineData("SELECT * /* unclosed", "not closed")]
    [InlineData("", "Enter a CQL SELECT")]
    [InlineData("  ;  ; ", "Enter a CQL SELECT")]
    [InlineData("-- only a comment", "Enter a CQL SELECT")]
    public void Should_Refuse_When_NotExactlyOneSelect(string text, string expected)
    {
        var result = SelectGuard.Check(text);

        Assert.False(result.Accepted);
        Assert.Null(result.Statement);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Refuse_When_SemicolonHidesAfterDoubledQuote()
    {
        // Given a literal with an escaped quote, followed by a real second statement
        var text = "SELECT * FROM t WHERE a = 'it''s'; DROP TABLE t";

        // Then the lexer sees past the escaped quote and finds the second statement
        Assert.Contains("Only one statement", SelectGuard.Check(text).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Refuse_When_TooLong()
    {
        var text = "SELECT * FROM t WHERE a = '" + new string('x', SelectGuard.MaxLength) + "'";

        Assert.False(SelectGuard.Check(text).Accepted);
    }
}
