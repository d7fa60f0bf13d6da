namespace OrderPipeline.Cql.Connections;

/// <summary>
/// Free stream ids of one connection. Lowest ids are handed out first so the timeout sweep only scans up to the
/// highest id ever used. An id returns to the pool only once its response arrived (or the connection died),
/// so a late answer can never be matched to a newer request.
/// </summary>
internal sealed class StreamIdPool
{
    private readonly Lock _lock = new();
    private readonly short[] _free;
    private int _count;

    public StreamIdPool(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, 32768);
        _free = new short[size];
        for (var i = 0; i < size; i++)
        {
            _free[i] = (short)(size - 1 - i);
        }

        _count = size;
        Capacity = size;
    }

    public int Capacity { get; }

    public int Available
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    /// <summary>Highest id handed out so far (for sweeping pending slots).</summary>
    public int HighWater { get; private set; } = -1;

    public bool TryRent(out short id)
    {
        lock (_lock)
        {
            if (_count == 0)
            {
                id = -1;
                return false;
            }

            id = _free[--_count];
            if (id > HighWater)
            {
                HighWater = id;
            }

            return true;
        }
    }

    public void Return(short id)
    {
        lock (_lock)
        {
            if (_count == _free.Length)
            {
                throw new InvalidOperationException($"Stream id {id} returned twice.");
            }

            _free[_count++] = id;
        }
    }
}
