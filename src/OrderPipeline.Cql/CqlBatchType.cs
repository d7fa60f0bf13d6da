namespace OrderPipeline.Cql;

/// <summary>The kind of a batch.</summary>
public enum CqlBatchType : byte
{
    /// <summary>Atomic through the batch log (all or nothing eventually applies).</summary>
    Logged = 0,

    /// <summary>No batch log: cheaper, not atomic across partitions.</summary>
    Unlogged = 1,

    /// <summary>Counter updates only.</summary>
    Counter = 2,
}
