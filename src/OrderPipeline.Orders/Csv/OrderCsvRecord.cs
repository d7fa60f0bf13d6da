namespace OrderPipeline.Orders.Csv;

/// <summary>One data line of the CSV: either an order or a rejection, with its 1-based line number.</summary>
public readonly record struct OrderCsvRecord(long LineNumber, Order? Order, Rejection? Rejection)
{
    public bool IsValid => Order is not null;
}
