using System.Net;
using System.Numerics;
using FsCheck;
using FsCheck.Xunit;
using OrderPipeline.Cql;
using static OrderPipeline.Cql.Tests.Codecs.CodecTestHelpers;

namespace OrderPipeline.Cql.Tests.Codecs;

/// <summary>Round trips over generated values: decode(encode(v)) == v for every scalar and collection codec.</summary>
public class CodecPropertyTests
{
    [Property]
    public bool Int_RoundTrips(int value) => value.Equals(Decode(CqlType.Int, Encode(CqlType.Int, value)));

    [Property]
    public bool Bigint_RoundTrips(long value) => value.Equals(Decode(CqlType.Bigint, Encode(CqlType.Bigint, value)));

    [Property]
    public bool Smallint_RoundTrips(short value) => value.Equals(Decode(CqlType.Smallint, Encode(CqlType.Smallint, value)));

    [Property]
    public bool Tinyint_RoundTrips(sbyte value) => value.Equals(Decode(CqlType.Tinyint, Encode(CqlType.Tinyint, value)));

    [Property]
    public bool Double_RoundTripsBitForBit(double value) =>
        BitConverter.DoubleToInt64Bits(value) == BitConverter.DoubleToInt64Bits((double)Decode(CqlType.Double, Encode(CqlType.Double, value)));

    [Property]
    public bool Float_RoundTripsBitForBit(float value) =>
        BitConverter.SingleToInt32Bits(value) == BitConverter.SingleToInt32Bits((float)Decode(CqlType.Float, Encode(CqlType.Float, value)));

    [Property]
    public bool Text_RoundTrips(NonNull<string> value)
    {
        var text = value.Get;
        if (!System.Text.Unicode.Utf8.IsValid(System.Text.Encoding.UTF8.GetBytes(text)) || text.Any(char.IsSurrogate))
        {
            return true;
        }

        return text == (string)Decode(CqlType.Text, Encode(CqlType.Text, text));
    }

    [Property]
    public bool Uuid_RoundTrips(Guid value) => value.Equals(Decode(CqlType.Uuid, Encode(CqlType.Uuid, value)));

    [Property]
    public bool Decimal_RoundTrips(decimal value) => value == (decimal)Decode(CqlType.Decimal, Encode(CqlType.Decimal, value));

    [Property]
    public bool Varint_RoundTrips(long high, ulong low)
    {
        var value = ((BigInteger)high << 64) + low;
        var bytes = Encode(CqlType.Varint, value);
        return value == (BigInteger)Decode(CqlType.Varint, bytes) && bytes.Length == value.GetByteCount();
    }

    [Property]
    public bool Timestamp_RoundTripsAtMillisecondPrecision(long millis)
    {
        var clamped = Math.Clamp(millis, -62_135_596_800_000L, 253_402_300_799_999L);
        var value = DateTimeOffset.FromUnixTimeMilliseconds(clamped);
        return value == (DateTimeOffset)Decode(CqlType.Timestamp, Encode(CqlType.Timestamp, value));
    }

    [Property]
    public bool Date_RoundTrips(int dayNumber)
    {
        var value = DateOnly.FromDayNumber(Math.Abs(dayNumber % DateOnly.MaxValue.DayNumber));
        return value == (DateOnly)Decode(CqlType.Date, Encode(CqlType.Date, value));
    }

    [Property]
    public bool Time_RoundTrips(long ticks)
    {
        var value = new TimeOnly(Math.Abs(ticks % TimeOnly.MaxValue.Ticks));
        return value == (TimeOnly)Decode(CqlType.Time, Encode(CqlType.Time, value));
    }

    [Property]
    public bool Inet_RoundTrips(uint address) =>
        new IPAddress(address).Equals(Decode(CqlType.Inet, Encode(CqlType.Inet, new IPAddress(address))));

    [Property]
    public bool Blob_RoundTrips(NonNull<byte[]> value) => value.Get.SequenceEqual((byte[])Decode(CqlType.Blob, Encode(CqlType.Blob, value.Get)));

    [Property]
    public bool ListOfBigint_RoundTrips(long[] values)
    {
        var type = CqlType.List(CqlType.Bigint);
        return values.SequenceEqual((List<long>)Decode(type, Encode(type, values.ToList())));
    }

    [Property]
    public bool MapOfIntToText_RoundTrips(Dictionary<int, NonNull<string>> values)
    {
        var type = CqlType.Map(CqlType.Int, CqlType.Text);
        var map = values.Where(static p => !p.Value.Get.Any(char.IsSurrogate)).ToDictionary(static p => p.Key, static p => p.Value.Get);
        var decoded = (Dictionary<int, string>)Decode(type, Encode(type, map));
        return decoded.Count == map.Count && map.All(p => decoded[p.Key] == p.Value);
    }

    [Property]
    public bool SetOfUuid_RoundTrips(Guid[] ids)
    {
        var values = ids.ToHashSet();
        var type = CqlType.Set(CqlType.Uuid);
        return values.SetEquals((HashSet<Guid>)Decode(type, Encode(type, values)));
    }

    [Property]
    public bool Tuple_RoundTrips(int number, bool flag, Guid id)
    {
        var type = CqlType.Tuple(CqlType.Int, CqlType.Boolean, CqlType.Uuid);
        var decoded = (object?[])Decode(type, Encode(type, (number, flag, id)));
        return number.Equals(decoded[0]) && flag.Equals(decoded[1]) && id.Equals(decoded[2]);
    }
}
