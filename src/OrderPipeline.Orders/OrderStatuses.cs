namespace OrderPipeline.Orders;

/// <summary>
/// The statuses of the Olist dataset. Matching is case-insensitive and the result is normalized to the
/// lowercase spelling below, so "Delivered" and "DELIVERED" are stored as "delivered".
/// </summary>
public static class OrderStatuses
{
    public const string Created = "created";
    public const string Approved = "approved";
    public const string Invoiced = "invoiced";
    public const string Processing = "processing";
    public const string Shipped = "shipped";
    public const string Delivered = "delivered";
    public const string Canceled = "canceled";
    public const string Unavailable = "unavailable";

    public static IReadOnlyList<string> Known { get; } =
        [Created, Approved, Invoiced, Processing, Shipped, Delivered, Canceled, Unavailable];

    /// <summary>Returns the normalized (interned, lowercase) status, or null when it is not a known one.</summary>
    public static string? Normalize(ReadOnlySpan<char> value)
    {
        foreach (var known in Known)
        {
            if (value.Equals(known, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        return null;
    }
}
