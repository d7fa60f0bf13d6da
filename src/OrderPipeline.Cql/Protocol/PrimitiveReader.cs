using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace OrderPipeline.Cql.Protocol;

/// <summary>
/// Reads the spec's notations from a frame body. Every read checks the remaining length, so a truncated or
/// lying body raises <see cref="CqlProtocolException"/> instead of an index error.
/// </summary>
internal ref struct PrimitiveReader(ReadOnlySpan<byte> buffer)
{
    private readonly ReadOnlySpan<byte> _buffer = buffer;

    public int Position { get; private set; }

    public readonly int Remaining => _buffer.Length - Position;

    public byte ReadByte() => Take(1)[0];

    public short ReadInt16() => BinaryPrimitives.ReadInt16BigEndian(Take(2));

    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16BigEndian(Take(2));

    public int ReadInt32() => BinaryPrimitives.ReadInt32BigEndian(Take(4));

    public long ReadInt64() => BinaryPrimitives.ReadInt64BigEndian(Take(8));

    public Guid ReadUuid() => new(Take(16), bigEndian: true);

    public string ReadString() => Encoding.UTF8.GetString(Take(ReadUInt16()));

    public string ReadLongString()
    {
        var length = ReadInt32();
        if (length < 0)
        {
            throw Truncated(length);
        }

        return Encoding.UTF8.GetString(Take(length));
    }

    public ReadOnlySpan<byte> ReadShortBytes() => Take(ReadUInt16());

    /// <summary>[bytes]: returns false for a null (negative length) value.</summary>
    public bool TryReadBytes(out ReadOnlySpan<byte> value)
    {
        var length = ReadInt32();
        if (length < 0)
        {
            value = default;
            return false;
        }

        value = Take(length);
        return true;
    }

    /// <summary>[bytes] as (offset, length) into the buffer; length -1 for null.</summary>
    public (int Offset, int Length) ReadBytesRange()
    {
        var length = ReadInt32();
        if (length < 0)
        {
            return (Position, -1);
        }

        var offset = Position;
        Take(length);
        return (offset, length);
    }

    public byte[]? ReadBytesCopy() => TryReadBytes(out var value) ? value.ToArray() : null;

    public List<string> ReadStringList()
    {
        var count = ReadUInt16();
        var list = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(ReadString());
        }

        return list;
    }

    public Dictionary<string, List<string>> ReadStringMultimap()
    {
        var count = ReadUInt16();
        var map = new Dictionary<string, List<string>>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var key = ReadString();
            map[key] = ReadStringList();
        }

        return map;
    }

    public Dictionary<string, byte[]?> ReadBytesMap()
    {
        var count = ReadUInt16();
        var map = new Dictionary<string, byte[]?>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var key = ReadString();
            map[key] = ReadBytesCopy();
        }

        return map;
    }

    public IPEndPoint ReadInet()
    {
        var size = ReadByte();
        if (size is not (4 or 16))
        {
            throw new CqlProtocolException($"An [inet] address must be 4 or 16 bytes long, got {size}.");
        }

        var address = new IPAddress(Take(size));
        return new IPEndPoint(address, ReadInt32());
    }

    public void Skip(int count) => Take(count);

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > _buffer.Length - Position)
        {
            throw Truncated(count);
        }

        var slice = _buffer.Slice(Position, count);
        Position += count;
        return slice;
    }

    private readonly CqlProtocolException Truncated(int wanted) => new(
        $"Malformed frame body: needed {wanted} byte(s) at offset {Position} but only {_buffer.Length - Position} remain.");
}
