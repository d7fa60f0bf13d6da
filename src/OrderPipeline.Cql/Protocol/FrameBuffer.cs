using System.Buffers;
using System.Collections.Concurrent;

namespace OrderPipeline.Cql.Protocol;

/// <summary>
/// A growable buffer on <see cref="ArrayPool{T}"/> memory that one outgoing frame is serialized into. Instances
/// are recycled through a small pool so a steady stream of requests allocates neither arrays nor wrappers.
/// </summary>
internal sealed class FrameBuffer : IBufferWriter<byte>
{
    private const int InitialSize = 512;
    private const int MaxPooled = 256;
    private static readonly ConcurrentQueue<FrameBuffer> Pool = new();

    private byte[] _array;
    private int _written;

    private FrameBuffer() => _array = ArrayPool<byte>.Shared.Rent(InitialSize);

    public int WrittenCount => _written;

    public ReadOnlySpan<byte> WrittenSpan => _array.AsSpan(0, _written);

    public ReadOnlyMemory<byte> WrittenMemory => _array.AsMemory(0, _written);

    public Span<byte> WrittenSpanMutable => _array.AsSpan(0, _written);

    public static FrameBuffer Rent()
    {
        if (Pool.TryDequeue(out var buffer))
        {
            return buffer;
        }

        return new FrameBuffer();
    }

    /// <summary>Gives the buffer back; the caller must not touch it afterwards.</summary>
    public void Return()
    {
        _written = 0;
        if (_array.Length > 64 * 1024)
        {
            // Keep pooled buffers small; a rare big batch should not pin a large array forever.
            ArrayPool<byte>.Shared.Return(_array);
            _array = ArrayPool<byte>.Shared.Rent(InitialSize);
        }

        if (Pool.Count < MaxPooled)
        {
            Pool.Enqueue(this);
        }
        else
        {
            ArrayPool<byte>.Shared.Return(_array);
            _array = [];
        }
    }

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsSpan(_written);
    }

    private void Ensure(int sizeHint)
    {
        if (sizeHint < 1)
        {
            sizeHint = 1;
        }

        if (_array.Length - _written >= sizeHint)
        {
            return;
        }

        var size = Math.Max(_array.Length * 2, _written + sizeHint);
        var bigger = ArrayPool<byte>.Shared.Rent(size);
        _array.AsSpan(0, _written).CopyTo(bigger);
        if (_array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_array);
        }

        _array = bigger;
    }
}
