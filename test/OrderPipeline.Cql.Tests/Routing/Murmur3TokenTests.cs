using System.Text;
using OrderPipeline.Cql.Routing;

namespace OrderPipeline.Cql.Tests.Routing;

public class Murmur3TokenTests
{
    // Published vectors: the DataStax drivers' test suites (Python test_murmur3, Ruby murmur3_spec) check
    // their Murmur3 against these values computed by Cassandra's partitioner.
    public static TheoryData<string, long> PublishedVectors => new()
    {
        { "313233", -7468325962851647638 },
        { string.Concat(Enumerable.Repeat("00ff10fa99", 10)), 5837342703291459765 },
        { "fefefefefefefefe", -8927430733708461935 },
        { "1010101010101010", 1446172840243228796 },
        { Convert.ToHexString(Encoding.ASCII.GetBytes("9223372036854775807")), 7162290910810015547 },
        { "0102030405060708090a0b0c0d0e0f10", -5563837382979743776 },
        { "02030405060708090a0b0c0d0e0f1011", -1513403162740402161 },
        { "030405060708090a0b0c0d0e0f101112", -495360443712684655 },
        { "0405060708090a0b0c0d0e0f10111213", 1734091135765407943 },
        { "05060708090a0b0c0d0e0f1011121314", -3199412112042527988 },
        { "060708090a0b0c0d0e0f101112131415", -6316563938475080831 },
        { "0708090a0b0c0d0e0f10111213141516", 8228893370679682632 },
        { "00000000000000000000000000000000", 5457549051747178710 },
        { "ffffffffffffffffffffffffffffffff", -2824192546314762522 },
        { "fefefefefefefefefefefefefefefefe", -833317529301936754 },
        { "00010203ffffffffffffffffffffffff", 6463632673159404390 },
        { "fefefefefefefefefefefefefefefefefe", -1672437813826982685 },
        { "fefefefe", 4566408979886474012 },
        { "00000000", -3485513579396041028 },
        { "00017f7f", 6573459401642635627 },
        { "00ffffff", 123573637386978882 },
        { "ff010203", -2839127690952877842 },
        { "e2e7", -8582699461035929883 },
        { "e2e7e2e7e2e701", 2222373981930033306 },
    };

    [Theory]
    [MemberData(nameof(PublishedVectors))]
    public void Should_MatchPublishedToken_When_HashingKnownKey(string keyHex, long expected)
    {
        // Given a key whose Cassandra token is published
        var key = Convert.FromHexString(keyHex);

        // When its token is computed
        var token = Murmur3Token.Compute(key);

        // Then it equals the published value
        Assert.Equal(expected, token);
    }

    [Fact]
    public void Should_ReturnMinimumToken_When_KeyIsEmpty()
    {
        Assert.Equal(long.MinValue, Murmur3Token.Compute([]));
    }

    [Fact]
    public void Should_BeIndependentOfBufferOffset_When_KeyIsASlice()
    {
        // Given a key embedded in a larger buffer
        var key = Encoding.UTF8.GetBytes("some partition key that spans more than one block");
        var buffer = new byte[key.Length + 7];
        key.CopyTo(buffer, 3);

        // Then hashing the slice equals hashing the key alone
        Assert.Equal(Murmur3Token.Compute(key), Murmur3Token.Compute(buffer.AsSpan(3, key.Length)));
    }

    [Theory]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("0", 0L)]
    [InlineData("-42", -42L)]
    public void Should_ParseToken_When_TextIsSignedDecimal(string text, long expected)
    {
        Assert.Equal(expected, Murmur3Token.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12a")]
    [InlineData("9223372036854775808")]
    [InlineData("0x10")]
    public void Should_Throw_When_TokenIsNotADecimalLong(string text)
    {
        Assert.Throws<FormatException>(() => Murmur3Token.Parse(text));
    }

    [Theory]
    [InlineData("org.apache.cassandra.dht.Murmur3Partitioner", true)]
    [InlineData("Murmur3Partitioner", true)]
    [InlineData("org.apache.cassandra.dht.RandomPartitioner", false)]
    [InlineData(null, false)]
    public void Should_RecognizeMurmur3Partitioner(string? name, bool expected)
    {
        Assert.Equal(expected, Murmur3Token.IsMurmur3(name));
    }
}
