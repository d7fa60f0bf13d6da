namespace OrderPipeline.Dashboard.Analytics;

/// Keeps the k items with the largest keys seen so far, so alert candidates stay bounded however many
/// orders are scanned. Not thread-safe: one per day scan, merged afterwards.
internal sealed class TopK<T>
{
    private readonly int _capacity;
    private readonly PriorityQueue<T, (long Key, Guid Tie)> _heap = new();

    public TopK(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    public int Count => _heap.Count;

    /// The tie-breaker makes the kept set independent of the order rows arrive in.
    public void Offer(T item, long key, Guid tie)
    {
        if (_heap.Count < _capacity)
        {
            _heap.Enqueue(item, (key, tie));
            return;
        }

        _heap.TryPeek(out _, out var smallest);
        if (key > smallest.Key || (key == smallest.Key && tie.CompareTo(smallest.Tie) > 0))
        {
            _heap.EnqueueDequeue(item, (key, tie));
        }
    }

    public void MergeFrom(TopK<T> other)
    {
        foreach (var (item, priority) in other._heap.UnorderedItems)
        {
            Offer(item, priority.Key, priority.Tie);
        }
    }

    /// Largest key first.
    public List<T> ToDescendingList() =>
        _heap.UnorderedItems
            .OrderByDescending(x => x.Priority.Key)
            .ThenByDescending(x => x.Priority.Tie)
            .Select(x => x.Element)
            .ToList();
}
