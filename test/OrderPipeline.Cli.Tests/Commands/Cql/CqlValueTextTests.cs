using System.Net;
using System.Numerics;
using OrderPipeline.Cli.Commands.Cql;

namespace OrderPipeline.Cli.Tests.Commands.Cql;

public class CqlValueTextTests
{
    public static TheoryData<object?, string> Scalars => new()
    {
        { null, "null" },
        { "plain text", "plain text" },
        { "it's", "it's" },
        { 42, "42" },
        { -9223372036854775808L, "-9223372036854775808" },
        { (short)-7, "-7" },
        { (sbyte)-128, "-128" },
        { BigInteger.Parse("123456789012345678901234567890", System.Globalization.CultureInfo.InvariantCulture), "123456789012345678901234567890" },
        { 12.5m, "12.5" },
        { 0.1f, "0.1" },
        { 1e300, "1E+300" },
        { double.NaN, "NaN" },
        { double.PositiveInfinity, "Infinity" },
        { float.NegativeInfinity, "-Infinity" },
        { true, "true" },
        { false, "false" },
        { Guid.Parse("E481F51C-BDC5-4678-B7CC-49136F2D6AF7"), "e481f51c-bdc5-4678-b7cc-49136f2d6af7" },
        { new DateTimeOffset(2017, 10, 2, 10, 56, 33, TimeSpan.Zero), "2017-10-02T10:56:33.000Z" },
        { new DateTimeOffset(2017, 10, 2, 10, 56, 33, 120, TimeSpan.FromHours(-3)), "2017-10-02T13:56:33.120Z" },
        { new DateOnly(2018, 1, 31), "2018-01-31" },
        { new TimeOnly(13, 5, 7, 250), "13:05:07.25" },
        { new TimeOnly(8, 0), "08:00:00" },
        { IPAddress.Parse("127.0.21.1"), "127.0.21.1" },
        { IPAddress.Parse("::1"), "::1" },
        { new byte[] { 0xCA, 0xFE, 0x01 }, "0xcafe01" },
        { Array.Empty<byte>(), "0x" },
    };

    [Theory]
    [MemberData(nameof(Scalars))]
    public void Should_RenderLikeCqlsh_When_ValueIsScalar(object? value, string expected)
    {
        Assert.Equal(expected, CqlValueText.Format(value));
    }

    [Fact]
    public void Should_QuoteStringsInside_When_ValueIsList()
    {
        Assert.Equal("['a', 'it''s', null]", CqlValueText.Format(new List<string?> { "a", "it's", null }));
    }

    [Fact]
    public void Should_UseBraces_When_ValueIsSet()
    {
        Assert.Equal("{1, 2, 3}", CqlValueText.Format(new HashSet<int> { 1, 2, 3 }));
    }

    [Fact]
    public void Should_RenderKeyValuePairs_When_ValueIsMap()
    {
        var map = new Dictionary<string, List<int>> { ["a"] = [1, 2], ["b"] = [] };

        Assert.Equal("{'a': [1, 2], 'b': []}", CqlValueText.Format(map));
    }

    [Fact]
    public void Should_RenderNestedValues_When_MapKeysAreUuids()
    {
        var map = new Dictionary<Guid, DateTimeOffset> { [Guid.Empty] = DateTimeOffset.UnixEpoch };

        Assert.Equal("{00000000-0000-0000-0000-000000000000: 1970-01-01T00:00:00.000Z}", CqlValueText.Format(map));
    }

    [Fact]
    public void Should_UseParentheses_When_ValueIsTuple()
    {
        Assert.Equal("(1, 'x', null, 0x00)", CqlValueText.Format(new object?[] { 1, "x", null, new byte[] { 0 } }));
    }

    [Fact]
    public void Should_RenderFieldNamesUnquoted_When_ValueIsUdt()
    {
        // The client reads a UDT as (field name, value) pairs in field order
        var udt = new List<KeyValuePair<string, object?>> { new("street", "Rua A"), new("number", 12), new("zip", null) };

        Assert.Equal("{street: 'Rua A', number: 12, zip: null}", CqlValueText.Format(udt));
    }
}
