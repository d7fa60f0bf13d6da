using System.Buffers.Binary;
using System.Numerics;

namespace OrderPipeline.Cql.Routing;

/// <summary>
/// MurmurHash3 x64 128-bit as Cassandra computes it (org.apache.cassandra.utils.MurmurHash.hash3_x64_128).
/// </summary>
/// <remarks>
/// Cassandra's variant differs from the reference algorithm in one place: the tail bytes (length % 16) are
/// read as Java's signed bytes and widened to long with sign extension before shifting. For any tail byte
/// >= 0x80 this sets all higher bits of the lane, so the result differs from the reference MurmurHash3.
/// Token routing must reproduce that quirk exactly or keys land on the wrong replicas.
/// </remarks>
internal static class Murmur3Hash
{
    private const ulong C1 = 0x87c37b91114253d5UL;
    private const ulong C2 = 0x4cf5ad432745937fUL;

    /// <summary>Hashes <paramref name="data"/> with seed 0 and returns both 64-bit halves.</summary>
    public static (long H1, long H2) Hash128(ReadOnlySpan<byte> data, long seed = 0)
    {
        var h1 = unchecked((ulong)seed);
        var h2 = unchecked((ulong)seed);
        var blocks = data.Length / 16;

        for (var i = 0; i < blocks; i++)
        {
            var block = data.Slice(i * 16, 16);
            var k1 = BinaryPrimitives.ReadUInt64LittleEndian(block);
            var k2 = BinaryPrimitives.ReadUInt64LittleEndian(block[8..]);

            h1 ^= MixK1(k1);
            h1 = BitOperations.RotateLeft(h1, 27);
            h1 += h2;
            h1 = (h1 * 5) + 0x52dce729;

            h2 ^= MixK2(k2);
            h2 = BitOperations.RotateLeft(h2, 31);
            h2 += h1;
            h2 = (h2 * 5) + 0x38495ab5;
        }

        var tail = data[(blocks * 16)..];
        if (tail.Length > 8)
        {
            ulong k2 = 0;
            for (var i = tail.Length - 1; i >= 8; i--)
            {
                k2 ^= SignExtended(tail[i]) << ((i - 8) * 8);
            }

            h2 ^= MixK2(k2);
        }

        if (tail.Length > 0)
        {
            ulong k1 = 0;
            for (var i = Math.Min(tail.Length, 8) - 1; i >= 0; i--)
            {
                k1 ^= SignExtended(tail[i]) << (i * 8);
            }

            h1 ^= MixK1(k1);
        }

        h1 ^= (ulong)data.Length;
        h2 ^= (ulong)data.Length;
        h1 += h2;
        h2 += h1;
        h1 = FinalMix(h1);
        h2 = FinalMix(h2);
        h1 += h2;
        h2 += h1;
        return (unchecked((long)h1), unchecked((long)h2));
    }

    // Java's (long) of a signed byte: 0x80..0xFF become 0xFFFFFFFFFFFFFF80..0xFFFFFFFFFFFFFFFF.
    private static ulong SignExtended(byte value) => unchecked((ulong)(long)(sbyte)value);

    private static ulong MixK1(ulong k1)
    {
        k1 *= C1;
        k1 = BitOperations.RotateLeft(k1, 31);
        return k1 * C2;
    }

    private static ulong MixK2(ulong k2)
    {
        k2 *= C2;
        k2 = BitOperations.RotateLeft(k2, 33);
        return k2 * C1;
    }

    private static ulong FinalMix(ulong k)
    {
        k ^= k >> 33;
        k *= 0xff51afd7ed558ccdUL;
        k ^= k >> 33;
        k *= 0xc4ceb9fe1a85ec53UL;
        k ^= k >> 33;
        return k;
    }
}
