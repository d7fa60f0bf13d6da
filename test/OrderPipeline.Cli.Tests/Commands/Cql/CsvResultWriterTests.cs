using OrderPipeline.Cli.Commands.Cql;

namespace OrderPipeline.Cli.Tests.Commands.Cql;

public class CsvResultWriterTests
{
    [Fact]
    public async Task Should_WriteHeaderAndRows_When_ValuesArePlain()
    {
        var output = new StringWriter();
        var result = FakeShell.Rows(["id", "name"], [1, "ann"], [2, "bob"]);

        var count = await new CsvResultWriter(output).WriteAsync(result, CancellationToken.None);

        Assert.Equal(2, count);
        Assert.Equal("id,name\r\n1,ann\r\n2,bob\r\n", output.ToString());
    }

    [Theory]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\rhere", "\"cr\rhere\"")]
    [InlineData(" padded", "\" padded\"")]
    [InlineData("trailing ", "\"trailing \"")]
    [InlineData("plain", "plain")]
    [InlineData("", "\"\"")]
    public void Should_QuoteAndDoubleQuotes_When_FieldNeedsIt(string value, string expected)
    {
        Assert.Equal(expected, CsvResultWriter.Field(value));
    }

    [Fact]
    public void Should_DistinguishNullFromEmpty_When_Writing()
    {
        Assert.Equal(string.Empty, CsvResultWriter.Field(null));
        Assert.Equal("\"\"", CsvResultWriter.Field(string.Empty));
    }

    [Fact]
    public void Should_QuoteCollections_When_TheyContainCommas()
    {
        Assert.Equal("\"[1, 2]\"", CsvResultWriter.Field(new List<int> { 1, 2 }));
        Assert.Equal("0xff", CsvResultWriter.Field(new byte[] { 0xff }));
    }

    [Fact]
    public async Task Should_WriteOnlyHeader_When_NoRows()
    {
        var output = new StringWriter();

        var count = await new CsvResultWriter(output).WriteAsync(FakeShell.Rows(["a,b", "c"]), CancellationToken.None);

        Assert.Equal(0, count);
        Assert.Equal("\"a,b\",c\r\n", output.ToString());
    }
}
