using System.Globalization;

namespace OrderPipeline.Cql.Routing;

/// <summary>Tokens of Cassandra's Murmur3Partitioner: signed 64-bit values on a ring.</summary>
internal static class Murmur3Token
{
    /// <summary>The fully qualified partitioner class name reported in <c>system.local.partitioner</c>.</summary>
    public const string PartitionerClass = "org.apache.cassandra.dht.Murmur3Partitioner";

    /// <summary>The token of the empty key; no real key maps to it.</summary>
    public const long Minimum = long.MinValue;

    /// <summary>Computes the token of a serialized partition (routing) key.</summary>
    public static long Compute(ReadOnlySpan<byte> routingKey)
    {
        if (routingKey.IsEmpty)
        {
            return Minimum;
        }

        var (h1, _) = Murmur3Hash.Hash128(routingKey);

        // The partitioner keeps Long.MIN_VALUE for the empty key, so a hash equal to it moves to MAX_VALUE.
        return h1 == long.MinValue ? long.MaxValue : h1;
    }

    /// <summary>Whether a partitioner name (short or fully qualified) is the Murmur3 partitioner.</summary>
    public static bool IsMurmur3(string? partitioner) =>
        partitioner is not null
        && (partitioner == PartitionerClass || partitioner == "Murmur3Partitioner");

    /// <summary>Parses a token as printed by Cassandra (<c>system.local.tokens</c>, <c>token()</c>).</summary>
    /// <exception cref="FormatException">The text is not a signed 64-bit decimal.</exception>
    public static long Parse(string token) =>
        long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"'{token}' is not a Murmur3 token (a signed 64-bit decimal).");
}
