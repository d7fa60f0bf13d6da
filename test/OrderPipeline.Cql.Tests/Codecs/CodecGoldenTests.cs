using System.Net;
using System.Numerics;
using OrderPipeline.Cql;
using static OrderPipeline.Cql.Tests.Codecs.CodecTestHelpers;

namespace OrderPipeline.Cql.Tests.Codecs;

/// <summary>Byte-level encodings, from the spec's section 6 and worked by hand.</summary>
public class CodecGoldenTests
{
    public static TheoryData<CqlTypeCode, object, string> Scalars => new()
    {
        { CqlTypeCode.Int, 1, "00000001" },
        { CqlTypeCode.Int, -2, "FFFFFFFE" },
        { CqlTypeCode.Bigint, 0x0102030405060708L, "0102030405060708" },
        { CqlTypeCode.Counter, -1L, "FFFFFFFFFFFFFFFF" },
        { CqlTypeCode.Smallint, (short)-32768, "8000" },
        { CqlTypeCode.Tinyint, (sbyte)-1, "FF" },
        { CqlTypeCode.Boolean, true, "01" },
        { CqlTypeCode.Boolean, false, "00" },
        { CqlTypeCode.Float, 1.0f, "3F800000" },
        { CqlTypeCode.Double, -2.5, "C004000000000000" },
        { CqlTypeCode.Varchar, "héllo", "68C3A96C6C6F" },
        { CqlTypeCode.Ascii, "abc", "616263" },
        { CqlTypeCode.Blob, new byte[] { 0xCA, 0xFE }, "CAFE" },
        { CqlTypeCode.Uuid, Guid.Parse("00112233-4455-6677-8899-aabbccddeeff"), "00112233445566778899AABBCCDDEEFF" },
        { CqlTypeCode.Timeuuid, Guid.Parse("e481f51c-bdc5-4678-b7cc-49136f2d6af7"), "E481F51CBDC54678B7CC49136F2D6AF7" },
        { CqlTypeCode.Inet, IPAddress.Parse("127.0.20.1"), "7F001401" },
        { CqlTypeCode.Inet, IPAddress.IPv6Loopback, "00000000000000000000000000000001" },
        { CqlTypeCode.Timestamp, DateTimeOffset.FromUnixTimeMilliseconds(1_506_941_793_000), "0000015EDCBAF2E8" },
        { CqlTypeCode.Date, new DateOnly(1970, 1, 1), "80000000" },
        { CqlTypeCode.Date, new DateOnly(1969, 12, 31), "7FFFFFFF" },
        { CqlTypeCode.Time, new TimeOnly(0, 0, 1), "000000003B9ACA00" },
    };

    [Theory]
    [MemberData(nameof(Scalars))]
    public void Scalar_EncodesToSpecBytes_AndDecodesBack(CqlTypeCode code, object value, string hex)
    {
        // Given a scalar CQL type and a value
        var type = CqlType.Native(code);

        // When it is encoded
        var bytes = Encode(type, value);

        // Then the bytes are the spec's, and decoding gives the value back
        Assert.Equal(hex, Convert.ToHexString(bytes));
        Assert.Equal(value, Decode(type, bytes));
    }

    [Theory]
    [InlineData("0", "00")]
    [InlineData("1", "01")]
    [InlineData("127", "7F")]
    [InlineData("128", "0080")]
    [InlineData("129", "0081")]
    [InlineData("-1", "FF")]
    [InlineData("-128", "80")]
    [InlineData("-129", "FF7F")]
    public void Varint_MatchesSpecTable(string number, string hex)
    {
        // Given the examples table of spec section 6.23
        var value = BigInteger.Parse(number, System.Globalization.CultureInfo.InvariantCulture);

        // When encoded and decoded
        var bytes = Encode(CqlType.Varint, value);

        // Then both directions match the table
        Assert.Equal(hex, Convert.ToHexString(bytes));
        Assert.Equal(value, Decode(CqlType.Varint, Hex(hex)));
    }

    [Fact]
    public void Decimal_IsScaleThenUnscaledVarint()
    {
        // Given 123.45 = 12345 * 10^-2
        var bytes = Encode(CqlType.Decimal, 123.45m);

        // Then the scale is 2 and the unscaled value is 12345 (0x3039)
        Assert.Equal("000000023039", Convert.ToHexString(bytes));
        Assert.Equal(123.45m, Decode(CqlType.Decimal, bytes));
        Assert.Equal(-0.5m, Decode(CqlType.Decimal, Encode(CqlType.Decimal, -0.5m)));
    }

    [Fact]
    public void Decimal_WithNegativeScale_DecodesToWholeNumber()
    {
        // Given 12 * 10^3 as Cassandra's BigDecimal may send it (scale -3)
        var decoded = Decode(CqlType.Decimal, Hex("FFFFFFFD 0C"));

        // Then it reads as 12000
        Assert.Equal(12000m, decoded);
    }

    [Fact]
    public void List_IsIntCountThenBytesElements()
    {
        // Given list<int> [1, 2]
        var bytes = Encode(CqlType.List(CqlType.Int), new List<int> { 1, 2 });

        // Then it is count 2, then two [bytes] of 4
        Assert.Equal("00000002" + "00000004" + "00000001" + "00000004" + "00000002", Convert.ToHexString(bytes));
        Assert.Equal(new List<int> { 1, 2 }, Decode(CqlType.List(CqlType.Int), bytes));
    }

    [Fact]
    public void Map_IsCountThenKeyValuePairs()
    {
        // Given map<text, int> {"a": 1}
        var type = CqlType.Map(CqlType.Text, CqlType.Int);
        var bytes = Encode(type, new Dictionary<string, int> { ["a"] = 1 });

        // Then count 1, key [bytes] "a", value [bytes] 1
        Assert.Equal("00000001" + "00000001" + "61" + "00000004" + "00000001", Convert.ToHexString(bytes));
        var decoded = Assert.IsType<Dictionary<string, int>>(Decode(type, bytes));
        Assert.Equal(1, decoded["a"]);
    }

    [Fact]
    public void Set_DecodesToHashSet()
    {
        var type = CqlType.Set(CqlType.Text);
        var bytes = Encode(type, new HashSet<string> { "x" });
        Assert.Equal("00000001" + "00000001" + "78", Convert.ToHexString(bytes));
        Assert.True(new HashSet<string> { "x" }.SetEquals(Assert.IsType<HashSet<string>>(Decode(type, bytes))));
    }

    [Fact]
    public void Tuple_IsBytesPerComponent_WithNullAsMinusOne()
    {
        // Given tuple<int, text> (7, null)
        var type = CqlType.Tuple(CqlType.Int, CqlType.Text);
        var bytes = Encode(type, new object?[] { 7, null });

        // Then the second component is a null [bytes]
        Assert.Equal("00000004" + "00000007" + "FFFFFFFF", Convert.ToHexString(bytes));
        Assert.Equal(new object?[] { 7, null }, (object?[])Decode(type, bytes));
        Assert.Equal(bytes, Encode(type, (7, (string?)null)));
    }

    [Fact]
    public void Udt_WritesFieldsInTypeOrder_AndReadsShortValues()
    {
        // Given a UDT address(street text, zip int) and a value set in the other order
        var type = CqlType.Udt("ks", "address", [new("street", CqlType.Text), new("zip", CqlType.Int)]);
        var value = new CqlUdtValue { ["zip"] = 5, ["street"] = "R" };

        // When encoded
        var bytes = Encode(type, value);

        // Then fields follow the type's order; a value missing trailing fields reads them as null
        Assert.Equal("00000001" + "52" + "00000004" + "00000005", Convert.ToHexString(bytes));
        var decoded = (CqlUdtValue)Decode(type, Hex("00000001 52"));
        Assert.Equal("R", decoded["street"]);
        Assert.Null(decoded["zip"]);
    }

    [Fact]
    public void NullAndUnset_AreMinusOneAndMinusTwo()
    {
        // Given null and unset bound values
        // Then null is length -1 and unset is length -2 on v4
        Assert.Equal("FFFFFFFF", Convert.ToHexString(EncodeValue(CqlType.Int, null)));
        Assert.Equal("FFFFFFFE", Convert.ToHexString(EncodeValue(CqlType.Int, CqlValue.Unset)));
        Assert.Equal("00000004" + "0000002A", Convert.ToHexString(EncodeValue(CqlType.Int, 42)));
    }

    [Fact]
    public void Unset_OnV3_IsRejected()
    {
        // Given a v3 connection, which has no 'unset' value
        // Then binding unset throws instead of silently writing null
        Assert.Throws<NotSupportedException>(() => EncodeValue(CqlType.Int, CqlValue.Unset, version: 3));
    }

    [Fact]
    public void Ascii_RejectsNonAscii()
    {
        Assert.Throws<ArgumentException>(() => Encode(CqlType.Ascii, "é"));
    }

    [Fact]
    public void WrongClrType_GivesClearCastError()
    {
        var error = Assert.Throws<InvalidCastException>(() => Encode(CqlType.Int, "12"));
        Assert.Contains("int", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FixedSizeValue_WithWrongLength_IsProtocolError()
    {
        Assert.Throws<CqlProtocolException>(() => Decode(CqlType.Int, [1, 2, 3]));
        Assert.Throws<CqlProtocolException>(() => Decode(CqlType.Uuid, new byte[15]));
    }

    [Fact]
    public void Collection_WithLyingCount_IsProtocolError()
    {
        // Given a list that claims a billion elements in 4 bytes
        Assert.Throws<CqlProtocolException>(() => Decode(CqlType.List(CqlType.Int), Hex("3B9ACA00")));
    }

    [Fact]
    public void Timestamp_FromUnspecifiedDateTime_IsTakenAsUtc()
    {
        // Given a wall-clock DateTime without a zone (the dataset's convention)
        var wallClock = new DateTime(2017, 10, 2, 10, 56, 33, DateTimeKind.Unspecified);

        // When encoded
        var decoded = (DateTimeOffset)Decode(CqlType.Timestamp, Encode(CqlType.Timestamp, wallClock));

        // Then it is stored unshifted, as if UTC
        Assert.Equal(new DateTimeOffset(2017, 10, 2, 10, 56, 33, TimeSpan.Zero), decoded);
    }
}
