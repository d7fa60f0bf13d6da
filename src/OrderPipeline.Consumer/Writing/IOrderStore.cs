namespace OrderPipeline.Consumer.Writing;

/// <summary>Writes orders to Cassandra: both tables, at QUORUM, idempotent upserts with a fixed write timestamp.</summary>
public interface IOrderStore
{
    /// <summary>Prepares every statement up front, so a missing keyspace or table fails at start, not per message.</summary>
    Task PrepareAsync(CancellationToken cancellationToken);

    /// <summary>Writes one order; throws the driver's exception on failure (classified by <see cref="ClassifyFailure"/>).</summary>
    Task WriteAsync(OrderRow row, CancellationToken cancellationToken);

    StoreFailureKind ClassifyFailure(Exception exception);
}
