namespace OrderPipeline.Orders.Csv;

/// <summary>
/// The file as a whole cannot be read as an order file: it is empty or its header lacks a required column.
/// Row-level problems never throw; they become <see cref="Rejection"/>s.
/// </summary>
public sealed class OrderCsvFormatException : Exception
{
    public OrderCsvFormatException()
    {
    }

    public OrderCsvFormatException(string message)
        : base(message)
    {
    }

    public OrderCsvFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
