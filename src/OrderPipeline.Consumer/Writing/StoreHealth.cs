namespace OrderPipeline.Consumer.Writing;

/// <summary>
/// Whether Cassandra currently accepts writes, as seen by the writes themselves. A transient failure marks it
/// down, so the consume loop pauses its partitions instead of piling up more writes; the retrying writes act
/// as the probes, and the first one that succeeds marks it up again so the loop resumes.
/// </summary>
public sealed class StoreHealth
{
    private int _down;

    public bool IsDown => Volatile.Read(ref _down) == 1;

    public event Action<bool>? Changed;

    public void ReportFailure()
    {
        if (Interlocked.Exchange(ref _down, 1) == 0)
        {
            Changed?.Invoke(true);
        }
    }

    public void ReportSuccess()
    {
        if (Interlocked.Exchange(ref _down, 0) == 1)
        {
            Changed?.Invoke(false);
        }
    }
}
