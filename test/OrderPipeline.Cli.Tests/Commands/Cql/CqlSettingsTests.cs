using OrderPipeline.Cli.Commands.Cql;

namespace OrderPipeline.Cli.Tests.Commands.Cql;

public class CqlSettingsTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("SELECT 1", "x.cql")]
    [InlineData("  ", null)]
    public void Should_Fail_When_NotExactlyOneOfStatementAndFile(string? statement, string? file)
    {
        var settings = new CqlSettings { Statement = statement, File = file };

        Assert.False(settings.Validate().Successful);
    }

    [Theory]
    [InlineData("quorum", true)]
    [InlineData("LOCAL_ONE", true)]
    [InlineData("MOST", false)]
    public void Should_CheckConsistencyName(string level, bool valid)
    {
        var settings = new CqlSettings { Statement = "SELECT 1", Consistency = level };

        Assert.Equal(valid, settings.Validate().Successful);
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(70000, 100)]
    [InlineData(9042, 0)]
    public void Should_Fail_When_PortOrPageSizeOutOfRange(int port, int pageSize)
    {
        Assert.False(new CqlSettings { Statement = "SELECT 1", Port = port, PageSize = pageSize }.Validate().Successful);
    }

    [Fact]
    public void Should_TakePasswordFromEnvironment_When_OptionMissing()
    {
        var settings = new CqlSettings { Statement = "SELECT 1", Username = "cassandra" };

        var options = settings.ToShellOptions(name => name == "CQL_PASSWORD" ? "from-env" : null);

        Assert.Equal("from-env", options.Password);
    }

    [Fact]
    public void Should_PreferPasswordOption_When_BothGiven()
    {
        var settings = new CqlSettings { Statement = "SELECT 1", Password = "from-option" };

        Assert.Equal("from-option", settings.ToShellOptions(_ => "from-env").Password);
    }

    [Fact]
    public void Should_SplitContactPoints_When_Given()
    {
        var settings = new CqlSettings { Statement = "SELECT 1", ContactPoints = "127.0.21.1, 127.0.21.2,," };

        Assert.Equal(["127.0.21.1", "127.0.21.2"], settings.ResolveContactPoints(_ => "127.0.9"));
    }

    [Theory]
    [InlineData(null, "127.0.0.1")]
    [InlineData("127.0.21", "127.0.21.1")]
    public void Should_DefaultToStackSubnet_When_NoContactPoints(string? subnet, string expected)
    {
        var settings = new CqlSettings { Statement = "SELECT 1" };

        Assert.Equal([expected], settings.ResolveContactPoints(name => name == "ORDERPIPELINE_STACK_SUBNET" ? subnet : null));
    }
}
