using System.Buffers.Binary;

namespace OrderPipeline.Cql.Routing;

/// <summary>
/// Builds the partition key bytes Cassandra hashes to a token, from the serialized partition key columns.
/// </summary>
/// <remarks>
/// A single-column partition key is hashed as the column's serialized value. A composite key is hashed as
/// Cassandra's CompositeType encoding: for every component, its length as an unsigned 16-bit big-endian
/// integer, the bytes, then one end-of-component byte 0.
/// </remarks>
internal static class RoutingKey
{
    private const int MaxComponentLength = ushort.MaxValue;

    /// <summary>The number of bytes <c>Compose</c> writes for these components.</summary>
    /// <exception cref="ArgumentException">No components, or a component longer than 65535 bytes.</exception>
    public static int GetLength(ReadOnlySpan<ReadOnlyMemory<byte>> components)
    {
        if (components.IsEmpty)
        {
            throw new ArgumentException("A routing key needs at least one partition key component.", nameof(components));
        }

        if (components.Length == 1)
        {
            return components[0].Length;
        }

        var length = 0;
        foreach (var component in components)
        {
            if (component.Length > MaxComponentLength)
            {
                throw new ArgumentException(
                    $"A composite partition key component is {component.Length} bytes; at most {MaxComponentLength} fit its 16-bit length.",
                    nameof(components));
            }

            length += 2 + component.Length + 1;
        }

        return length;
    }

    /// <summary>Writes the routing key into <paramref name="destination"/> and returns the bytes written.</summary>
    /// <exception cref="ArgumentException">
    /// No components, a component longer than 65535 bytes, or <paramref name="destination"/> is too small.
    /// </exception>
    public static int Compose(ReadOnlySpan<ReadOnlyMemory<byte>> components, Span<byte> destination)
    {
        var length = GetLength(components);
        if (destination.Length < length)
        {
            throw new ArgumentException($"The routing key needs {length} bytes; the destination has {destination.Length}.", nameof(destination));
        }

        if (components.Length == 1)
        {
            components[0].Span.CopyTo(destination);
            return length;
        }

        var position = 0;
        foreach (var component in components)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination[position..], (ushort)component.Length);
            position += 2;
            component.Span.CopyTo(destination[position..]);
            position += component.Length;
            destination[position++] = 0;
        }

        return position;
    }

    /// <summary>Returns the routing key as a new array.</summary>
    /// <exception cref="ArgumentException">No components, or a component longer than 65535 bytes.</exception>
    public static byte[] Compose(params ReadOnlySpan<ReadOnlyMemory<byte>> components)
    {
        var key = new byte[GetLength(components)];
        Compose(components, key);
        return key;
    }

    /// <summary>The token of the routing key made of these components (no allocation for small keys).</summary>
    /// <exception cref="ArgumentException">No components, or a component longer than 65535 bytes.</exception>
    public static long ComputeToken(ReadOnlySpan<ReadOnlyMemory<byte>> components)
    {
        if (components.Length == 1)
        {
            return Murmur3Token.Compute(components[0].Span);
        }

        const int StackLimit = 256;
        var length = GetLength(components);
        var buffer = length <= StackLimit ? stackalloc byte[StackLimit] : new byte[length];
        var written = Compose(components, buffer);
        return Murmur3Token.Compute(buffer[..written]);
    }
}
