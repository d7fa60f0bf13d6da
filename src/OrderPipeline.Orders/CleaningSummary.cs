namespace OrderPipeline.Orders;

/// <summary>
/// Counts of one cleaning run: data lines read, orders accepted, rejections per reason, duplicate
/// occurrences superseded by a later one, blank lines skipped. Not thread-safe (one reader updates it).
/// </summary>
public sealed class CleaningSummary
{
    private readonly long[] _rejected = new long[Enum.GetValues<RejectReason>().Length];

    /// <summary>Data lines read (blank lines excluded), valid or not.</summary>
    public long RowsRead { get; private set; }

    /// <summary>Valid orders passed on (each order id once: the last valid occurrence).</summary>
    public long Accepted { get; private set; }

    /// <summary>Valid rows dropped because a later valid row has the same order_id (last one wins).</summary>
    public long DuplicatesSuperseded { get; private set; }

    public long BlankLines { get; set; }

    public long Rejected => _rejected.Sum();

    public long RejectedFor(RejectReason reason) => _rejected[(int)reason];

    /// <summary>Reasons with a non-zero count, in enum order.</summary>
    public IEnumerable<KeyValuePair<RejectReason, long>> RejectedByReason =>
        Enum.GetValues<RejectReason>().Where(r => _rejected[(int)r] > 0)
            .Select(r => KeyValuePair.Create(r, _rejected[(int)r]));

    public void CountAccepted()
    {
        RowsRead++;
        Accepted++;
    }

    public void CountRejected(RejectReason reason)
    {
        RowsRead++;
        _rejected[(int)reason]++;
    }

    public void CountDuplicate()
    {
        RowsRead++;
        DuplicatesSuperseded++;
    }

    public override string ToString() =>
        $"read {RowsRead}, accepted {Accepted}, rejected {Rejected}" +
        (Rejected > 0 ? $" ({string.Join(", ", RejectedByReason.Select(kv => $"{kv.Key} {kv.Value}"))})" : "") +
        $", duplicates {DuplicatesSuperseded}, blank lines {BlankLines}";
}
