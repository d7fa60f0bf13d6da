namespace OrderPipeline.Orders;

/// <summary>
/// Why a CSV row or a Kafka message was not accepted as an order. CSV rows use the first group; JSON
/// messages (the consumer's poison messages) can also get <see cref="NotJson"/>, <see cref="MissingField"/>
/// and <see cref="WrongType"/>.
/// </summary>
public enum RejectReason
{
    /// <summary>The row has a different number of fields than the header.</summary>
    WrongFieldCount,

    /// <summary>A field opens a quote it never closes (or closes one it never opened).</summary>
    MalformedQuotes,

    /// <summary>order_id is not 32 hex digits.</summary>
    BadOrderId,

    /// <summary>customer_id is not 32 hex digits.</summary>
    BadCustomerId,

    /// <summary>order_status is empty or not one of <see cref="OrderStatuses.Known"/>.</summary>
    UnknownStatus,

    /// <summary>order_purchase_timestamp is empty.</summary>
    MissingPurchaseTimestamp,

    /// <summary>order_purchase_timestamp is not a valid <c>yyyy-MM-dd HH:mm:ss</c> timestamp.</summary>
    BadPurchaseTimestamp,

    /// <summary>One of the optional timestamps is present but not a valid <c>yyyy-MM-dd HH:mm:ss</c> timestamp.</summary>
    BadTimestamp,

    /// <summary>The message is not a JSON object (or not valid UTF-8/JSON).</summary>
    NotJson,

    /// <summary>A field of the contract is absent from the JSON object (or null where a value is required).</summary>
    MissingField,

    /// <summary>A field of the contract holds a number, boolean, object or array instead of a string.</summary>
    WrongType,
}

/// <summary>A rejected input with where it came from and a human-readable reason.</summary>
/// <param name="LineNumber">1-based line in the CSV file (the header is line 1); 0 for messages.</param>
/// <param name="Reason">The reason class, counted in the summary.</param>
/// <param name="Detail">What exactly is wrong, naming the field and (a prefix of) the value.</param>
/// <param name="RawText">The raw CSV line (truncated to <see cref="MaxRawLength"/>), or null.</param>
public sealed record Rejection(long LineNumber, RejectReason Reason, string Detail, string? RawText = null)
{
    /// <summary>Raw lines longer than this are cut in rejects files so a 10 MB field cannot blow them up.</summary>
    public const int MaxRawLength = 4096;

    public override string ToString() =>
        LineNumber > 0 ? $"line {LineNumber}: {Reason}: {Detail}" : $"{Reason}: {Detail}";
}
