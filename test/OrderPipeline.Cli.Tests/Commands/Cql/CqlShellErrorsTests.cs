using System.Net;
using OrderPipeline.Cli.Commands.Cql;
using OrderPipeline.Cql;

namespace OrderPipeline.Cli.Tests.Commands.Cql;

public class CqlShellErrorsTests
{
    private static readonly EndPoint Node = new IPEndPoint(IPAddress.Loopback, 9042);

    public static TheoryData<Exception, bool, string> Cases => new()
    {
        { new CqlSyntaxException("line 1:0 no viable alternative", Node), true, "Syntax error: " },
        { new CqlInvalidQueryException("unconfigured columnfamily x", Node), true, "Invalid query: " },
        { new CqlUnauthorizedException("no SELECT permission", Node), true, "Unauthorized: " },
        { new CqlAuthenticationException("Username and/or password are incorrect", Node), true, "Authentication failed: " },
        { new CqlAlreadyExistsException("exists", Node, "ks", "t"), true, "Already exists: " },
        { new CqlUnavailableException("not enough replicas", Node, CqlConsistency.Quorum, 2, 1), false, "Unavailable: " },
        { new CqlWriteTimeoutException("timeout", Node, CqlConsistency.Quorum, 1, 2, "SIMPLE"), false, "Cluster busy or degraded: " },
        { new CqlOverloadedException("overloaded", Node), false, "Cluster busy or degraded: " },
        { new CqlNoHostAvailableException("nobody home"), false, "Cluster unavailable: " },
        { new CqlClientTimeoutException("no answer"), false, "Cluster unavailable: " },
        {
            new CqlNoHostAvailableException(new Dictionary<EndPoint, Exception> { [Node] = new CqlAuthenticationException("bad password", Node) }),
            true,
            "Authentication failed: "
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_ClassifyAndLabel_When_ClientThrows(Exception error, bool isStatementError, string label)
    {
        var mapped = CqlShellErrors.From(error, null);

        Assert.Equal(isStatementError ? CqlShellFailure.Statement : CqlShellFailure.Unavailable, mapped.Failure);
        Assert.StartsWith(label, mapped.Message, StringComparison.Ordinal);
        Assert.Same(error, mapped.InnerException);
    }

    [Fact]
    public void Should_NameWhatWasBeingDone_When_ContextGiven()
    {
        var mapped = CqlShellErrors.From(new CqlNoHostAvailableException("refused"), "connecting to 127.0.0.1:9042");

        Assert.EndsWith("(connecting to 127.0.0.1:9042)", mapped.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CREATE TABLE ks.t (k int PRIMARY KEY)", "OK: CREATE TABLE applied.")]
    [InlineData("create keyspace if not exists x with replication = {}", "OK: CREATE KEYSPACE applied.")]
    [InlineData("CREATE OR REPLACE FUNCTION f() ...", "OK: CREATE FUNCTION applied.")]
    [InlineData("CREATE CUSTOM INDEX ON t (v) USING 'x'", "OK: CREATE INDEX applied.")]
    [InlineData("DROP TABLE t", "OK: DROP TABLE applied.")]
    [InlineData("INSERT INTO t (k) VALUES (1)", "OK: INSERT applied.")]
    [InlineData("BEGIN UNLOGGED BATCH INSERT ...; APPLY BATCH", "OK: BATCH applied.")]
    [InlineData("TRUNCATE t", "OK: TRUNCATE applied.")]
    [InlineData("USE Ecommerce", "Now using keyspace Ecommerce.")]
    [InlineData("use \"Quoted\"", "Now using keyspace \"Quoted\".")]
    public void Should_DescribeAppliedStatement_When_ResultHasNoRows(string statement, string expected)
    {
        Assert.Equal(expected, SessionCqlShell.Confirmation(statement));
    }

    [Theory]
    [InlineData("local_quorum", CqlConsistency.LocalQuorum)]
    [InlineData("QUORUM", CqlConsistency.Quorum)]
    [InlineData("each_quorum", CqlConsistency.EachQuorum)]
    [InlineData("LOCAL_ONE", CqlConsistency.LocalOne)]
    public void Should_MapCqlshNames_When_ParsingConsistency(string name, CqlConsistency expected)
    {
        Assert.Equal(expected, CqlConsistencyNames.Parse(name));
    }
}
