using System.Buffers;
using System.Buffers.Binary;

namespace OrderPipeline.Cql.Codecs;

/// <summary>timestamp (ms since epoch), date (unsigned days, epoch at 2^31) and time (ns since midnight).</summary>
internal static class TemporalCodecs
{
    private const uint DateEpoch = 1u << 31;
    private const long NanosPerTick = 100;
    private const long MaxTimeNanos = 86_399_999_999_999;
    private static readonly int UnixEpochDayNumber = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    public static void WriteTimestamp(IBufferWriter<byte> writer, DateTimeOffset value) =>
        NumericCodecs.WriteInt64(writer, value.ToUnixTimeMilliseconds());

    /// <summary>
    /// A <see cref="DateTime"/> of kind Unspecified is taken as UTC as-is (no local-zone shift); Local is converted.
    /// </summary>
    public static void WriteTimestamp(IBufferWriter<byte> writer, DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
        NumericCodecs.WriteInt64(writer, new DateTimeOffset(utc).ToUnixTimeMilliseconds());
    }

    public static DateTimeOffset ReadTimestamp(ReadOnlySpan<byte> bytes)
    {
        var millis = NumericCodecs.ReadInt64(bytes);
        try
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(millis);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new OverflowException($"The timestamp {millis} ms since the epoch is outside DateTimeOffset's range; read it as Int64.", ex);
        }
    }

    public static void WriteDate(IBufferWriter<byte> writer, DateOnly value)
    {
        var days = value.DayNumber - UnixEpochDayNumber;
        BinaryPrimitives.WriteUInt32BigEndian(writer.GetSpan(4), unchecked(DateEpoch + (uint)days));
        writer.Advance(4);
    }

    public static DateOnly ReadDate(ReadOnlySpan<byte> bytes)
    {
        var raw = BinaryPrimitives.ReadUInt32BigEndian(NumericCodecs.Exactly(bytes, 4, "date"));
        var days = (long)raw - DateEpoch;
        var dayNumber = days + UnixEpochDayNumber;
        if (dayNumber < DateOnly.MinValue.DayNumber || dayNumber > DateOnly.MaxValue.DayNumber)
        {
            throw new OverflowException($"The date {days} days from 1970-01-01 is outside DateOnly's range (years 1-9999).");
        }

        return DateOnly.FromDayNumber((int)dayNumber);
    }

    public static void WriteTime(IBufferWriter<byte> writer, TimeOnly value) =>
        NumericCodecs.WriteInt64(writer, value.Ticks * NanosPerTick);

    public static void WriteTime(IBufferWriter<byte> writer, TimeSpan value)
    {
        var nanos = value.Ticks * NanosPerTick;
        if (nanos is < 0 or > MaxTimeNanos)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A CQL time is a time of day: 0 to 23:59:59.999999999.");
        }

        NumericCodecs.WriteInt64(writer, nanos);
    }

    /// <summary>Nanoseconds are truncated to TimeOnly's 100 ns ticks.</summary>
    public static TimeOnly ReadTime(ReadOnlySpan<byte> bytes)
    {
        var nanos = NumericCodecs.ReadInt64(bytes);
        if (nanos is < 0 or > MaxTimeNanos)
        {
            throw new CqlProtocolException($"A time value must be 0..{MaxTimeNanos} ns, got {nanos}.");
        }

        return new TimeOnly(nanos / NanosPerTick);
    }
}
