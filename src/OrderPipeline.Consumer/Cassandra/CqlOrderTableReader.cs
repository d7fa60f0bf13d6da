using System.Runtime.CompilerServices;
using OrderPipeline.Consumer.Verification;
using OrderPipeline.Consumer.Writing;

namespace OrderPipeline.Consumer.Cassandra;

/// <summary>A paged full scan of <c>orders</c> at QUORUM, as rows comparable with the input.</summary>
public sealed class CqlOrderTableReader(CassandraAccess cassandra, string keyspace, int pageSize = 5000) : IOrderTableReader
{
    public async IAsyncEnumerable<OrderRow> ScanAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cql = "SELECT customer_id, order_id, order_purchase_timestamp, order_status, order_approved_at, "
            + "order_delivered_carrier_date, order_delivered_customer_date, order_estimated_delivery_date, orderhour, "
            + $"orderdayofweek FROM {keyspace}.orders";
        await foreach (var r in cassandra.QueryAllAsync(cql, pageSize, cancellationToken))
        {
            yield return new OrderRow(
                r.Get<Guid>("customer_id"),
                r.Get<Guid>("order_id"),
                r.IsNull("order_status") ? "" : r.Get<string>("order_status"),
                Utc(r.Get<DateTime>("order_purchase_timestamp")),
                Timestamp(r, "order_approved_at"),
                Timestamp(r, "order_delivered_carrier_date"),
                Timestamp(r, "order_delivered_customer_date"),
                Timestamp(r, "order_estimated_delivery_date"),
                r.IsNull("orderhour") ? -1 : r.Get<int>("orderhour"),
                r.IsNull("orderdayofweek") ? "" : r.Get<string>("orderdayofweek"));
        }
    }

    private static DateTime? Timestamp(Cql.Row row, string column) =>
        row.IsNull(column) ? null : Utc(row.Get<DateTime>(column));

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
