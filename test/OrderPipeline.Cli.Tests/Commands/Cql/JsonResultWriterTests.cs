using System.Numerics;
using System.Text.Json;
using OrderPipeline.Cli.Commands.Cql;

namespace OrderPipeline.Cli.Tests.Commands.Cql;

public class JsonResultWriterTests
{
    private static async Task<(JsonElement Root, string Text)> WriteAsync(CqlRowsResult result)
    {
        var output = new StringWriter();
        await new JsonResultWriter(output).WriteAsync(result, CancellationToken.None);
        var text = output.ToString();
        using var document = JsonDocument.Parse(text);
        return (document.RootElement.Clone(), text);
    }

    [Fact]
    public async Task Should_WriteArrayOfObjects_When_RowsReturned()
    {
        var id = Guid.Parse("e481f51c-bdc5-4678-b7cc-49136f2d6af7");
        var (root, text) = await WriteAsync(FakeShell.Rows(
            ["id", "n", "at", "blob", "missing"],
            [id, 7, new DateTimeOffset(2017, 10, 2, 10, 56, 33, TimeSpan.Zero), new byte[] { 1, 2 }, null],
            [Guid.Empty, -1, DateTimeOffset.UnixEpoch, Array.Empty<byte>(), null]));

        Assert.Equal(2, root.GetArrayLength());
        var first = root[0];
        Assert.Equal("e481f51c-bdc5-4678-b7cc-49136f2d6af7", first.GetProperty("id").GetString());
        Assert.Equal(7, first.GetProperty("n").GetInt32());
        Assert.Equal("2017-10-02T10:56:33.000Z", first.GetProperty("at").GetString());
        Assert.Equal("0x0102", first.GetProperty("blob").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("missing").ValueKind);

        // One row per line, streamed
        Assert.Equal(4, text.Trim().Split('\n').Length);
    }

    [Fact]
    public async Task Should_KeepExactNumbers_When_VarintDecimalAndBigint()
    {
        var big = BigInteger.Parse("123456789012345678901234567890", System.Globalization.CultureInfo.InvariantCulture);
        var (root, text) = await WriteAsync(FakeShell.Rows(["v", "d", "l", "f"], [big, 0.1m, long.MaxValue, 1.5f]));

        Assert.Contains("123456789012345678901234567890", text, StringComparison.Ordinal);
        Assert.Equal("0.1", root[0].GetProperty("d").GetRawText());
        Assert.Equal(long.MaxValue, root[0].GetProperty("l").GetInt64());
        Assert.Equal(1.5, root[0].GetProperty("f").GetDouble());
    }

    [Fact]
    public async Task Should_WriteNonFiniteFloatsAsStrings_When_NaNOrInfinity()
    {
        var (root, _) = await WriteAsync(FakeShell.Rows(["a", "b"], [double.NaN, float.PositiveInfinity]));

        Assert.Equal("NaN", root[0].GetProperty("a").GetString());
        Assert.Equal("Infinity", root[0].GetProperty("b").GetString());
    }

    [Fact]
    public async Task Should_NestCollections_When_ListSetMapTupleUdt()
    {
        var udt = new List<KeyValuePair<string, object?>> { new("street", "Rua \"A\""), new("n", 3) };
        var (root, _) = await WriteAsync(FakeShell.Rows(
            ["l", "s", "m", "t", "u"],
            [new List<string> { "x", "y" }, new HashSet<int> { 5 }, new Dictionary<Guid, int> { [Guid.Empty] = 1 }, new object?[] { 1, null }, udt]));

        var row = root[0];
        Assert.Equal(["x", "y"], row.GetProperty("l").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(5, row.GetProperty("s")[0].GetInt32());
        Assert.Equal(1, row.GetProperty("m").GetProperty("00000000-0000-0000-0000-000000000000").GetInt32());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("t")[1].ValueKind);
        Assert.Equal("Rua \"A\"", row.GetProperty("u").GetProperty("street").GetString());
    }

    [Fact]
    public async Task Should_WriteEmptyArray_When_NoRows()
    {
        var (root, text) = await WriteAsync(FakeShell.Rows(["a"]));

        Assert.Equal(0, root.GetArrayLength());
        Assert.Equal("[]\n", text);
    }

    [Fact]
    public async Task Should_EscapeNames_When_ColumnNameNeedsIt()
    {
        var (root, _) = await WriteAsync(FakeShell.Rows(["we\"ird"], ["v"]));

        Assert.Equal("v", root[0].GetProperty("we\"ird").GetString());
    }
}
