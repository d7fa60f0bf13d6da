using OrderPipeline.Consumer.Cassandra;

namespace OrderPipeline.Consumer.Tests.Writing;

public class SchemaApplierTests
{
    [Fact]
    public void Statements_CreateKeyspaceAndBothTables_IdempotentlyWithTheGivenFactor()
    {
        var statements = SchemaApplier.Statements(3, "ecommerce");

        Assert.Equal(3, statements.Count);
        Assert.All(statements, s => Assert.Contains("IF NOT EXISTS", s, StringComparison.Ordinal));
        Assert.Contains("'replication_factor': 3", statements[0], StringComparison.Ordinal);
        Assert.Contains(statements, s => s.Contains("ecommerce.orders (", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Contains("ecommerce.orders_by_day (", StringComparison.Ordinal));
    }

    [Fact]
    public void Statements_RenameTheKeyspaceEverywhere_When_AnotherKeyspaceIsGiven()
    {
        var statements = SchemaApplier.Statements(1, "ks_test_42");

        Assert.StartsWith("CREATE KEYSPACE IF NOT EXISTS ks_test_42", statements[0], StringComparison.Ordinal);
        Assert.Contains(statements, s => s.Contains("ks_test_42.orders (", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Contains("ks_test_42.orders_by_day (", StringComparison.Ordinal));
        Assert.DoesNotContain(statements, s => s.Contains("ecommerce", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("bad-name")]
    [InlineData("x; DROP KEYSPACE y")]
    [InlineData("")]
    public void Statements_RejectInvalidKeyspaceNames(string keyspace)
    {
        Assert.ThrowsAny<ArgumentException>(() => SchemaApplier.Statements(1, keyspace));
    }
}
