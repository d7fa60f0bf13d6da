using System.Buffers;
using System.Buffers.Binary;

namespace OrderPipeline.Orders.Csv;

/// <summary>
/// The cheap first look at an order file that the duplicate rule needs: which order_ids occur on more than one
/// line. It reads raw bytes and looks only at the order_id field (no decoding, no validation, no allocation per
/// line), so it costs a fraction of a cleaning pass. The answer may be a superset (an id repeated on an invalid
/// line, or a 64-bit fingerprint collision): that only makes the cleaning pass hold a row back until the end of
/// the file, never drops one. It is never a subset for the ids the cleaning pass accepts, because it applies
/// a looser version of the same field rule (trim blanks and quotes, 32 hex digits, any case).
/// </summary>
internal static class RepeatedIdScan
{
    private const int BufferSize = 1 << 20;

    /// <summary>Returns the repeated ids and the number of distinct parsable ids.</summary>
    public static (HashSet<Guid> Repeated, long DistinctIds) Run(string path, int orderIdColumn, CancellationToken cancellationToken)
    {
        // A dataset line is about 175 bytes; the table is sized for that and grows if lines are shorter.
        var table = new FingerprintTable((int)Math.Clamp(new FileInfo(path).Length / 150, 1024, 1 << 28));
        var repeated = new HashSet<Guid>();
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            var filled = 0;
            var header = true;
            var skipping = false;
            long lines = 0;
            while (true)
            {
                var read = stream.Read(buffer, filled, buffer.Length - filled);
                filled += read;
                var eof = read == 0;
                var start = 0;
                while (start < filled)
                {
                    var rest = buffer.AsSpan(start, filled - start);
                    var end = rest.IndexOfAny((byte)'\n', (byte)'\r');
                    if (end < 0 && !eof)
                    {
                        break;
                    }

                    var line = end < 0 ? rest : rest[..end];
                    start += end < 0 ? rest.Length : end + 1;
                    if (skipping)
                    {
                        // The tail of a line longer than the buffer: not an order line (they are ~175 bytes).
                        skipping = false;
                    }
                    else if (header)
                    {
                        header = line.IsEmpty;
                    }
                    else if (TryOrderId(line, orderIdColumn, out var id) && !table.Add(Fingerprint(id)))
                    {
                        repeated.Add(id);
                    }

                    if ((++lines & 0xFFFF) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }
                }

                if (eof)
                {
                    return (repeated, table.Count);
                }

                buffer.AsSpan(start, filled - start).CopyTo(buffer);
                filled -= start;
                if (filled == buffer.Length)
                {
                    filled = 0;
                    skipping = true;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool TryOrderId(ReadOnlySpan<byte> line, int column, out Guid id)
    {
        id = default;
        for (var i = 0; i < column; i++)
        {
            var comma = line.IndexOf((byte)',');
            if (comma < 0)
            {
                return false;
            }

            line = line[(comma + 1)..];
        }

        var next = line.IndexOf((byte)',');
        var field = (next < 0 ? line : line[..next]).Trim(" \t\""u8);
        if (field.Length != 32 || !TryHex(field[..16], out var high) || !TryHex(field[16..], out var low))
        {
            return false;
        }

        // The Guid of the "N" text: the first 8 bytes (big-endian in the text) then the last 8.
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, high);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], low);
        id = new Guid(bytes, bigEndian: true);
        return true;
    }

    private static bool TryHex(ReadOnlySpan<byte> digits, out ulong value)
    {
        value = 0;
        foreach (var c in digits)
        {
            var d = HexValue(c);
            if (d < 0)
            {
                return false;
            }

            value = (value << 4) | (uint)d;
        }

        return true;
    }

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };

    private static ulong Fingerprint(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes);
        var fp = BinaryPrimitives.ReadUInt64LittleEndian(bytes) ^ (BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]) * 0x9E3779B97F4A7C15UL);
        return fp == 0 ? 1 : fp;
    }

    /// <summary>An open-addressing set of non-zero 64-bit fingerprints (8 bytes a slot, at most 3/4 full).</summary>
    private sealed class FingerprintTable(int expected)
    {
        private ulong[] _slots = new ulong[(int)Math.Min(1L << 30, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(expected * 4 / 3 + 1)))];

        public long Count { get; private set; }

        /// <summary>Adds the fingerprint; false when it was already there.</summary>
        public bool Add(ulong fingerprint)
        {
            if (Count + 1 > _slots.Length / 4 * 3)
            {
                Grow();
            }

            var added = Insert(_slots, fingerprint);
            if (added)
            {
                Count++;
            }

            return added;
        }

        private static bool Insert(ulong[] slots, ulong fingerprint)
        {
            var mask = slots.Length - 1;
            var i = (int)(fingerprint >> 33) & mask;
            while (true)
            {
                var slot = slots[i];
                if (slot == 0)
                {
                    slots[i] = fingerprint;
                    return true;
                }

                if (slot == fingerprint)
                {
                    return false;
                }

                i = (i + 1) & mask;
            }
        }

        private void Grow()
        {
            var bigger = new ulong[_slots.Length * 2];
            foreach (var fingerprint in _slots)
            {
                if (fingerprint != 0)
                {
                    Insert(bigger, fingerprint);
                }
            }

            _slots = bigger;
        }
    }
}
