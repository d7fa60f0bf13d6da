namespace OrderPipeline.Orders;

/// <summary>
/// The cleaning rules shared by the CSV reader and the JSON deserializer. Input values are already unquoted;
/// they are trimmed here, and an empty value means "missing".
/// Rules: ids must be 32 hex digits (uppercase accepted, normalized to lowercase); the status must be known
/// (case-insensitive, normalized to lowercase); the purchase timestamp is required; every other timestamp is
/// either empty (null) or a valid <c>yyyy-MM-dd HH:mm:ss</c> value: an unparsable optional timestamp rejects
/// the whole row rather than silently becoming null, so no information is dropped without being counted.
/// </summary>
public static class OrderValidator
{
    private const int MaxShownValue = 40;

    /// <summary>The fields of one input row or message, unquoted but not yet trimmed.</summary>
    public ref struct Fields
    {
        public ReadOnlySpan<char> OrderId { get; set; }
        public ReadOnlySpan<char> CustomerId { get; set; }
        public ReadOnlySpan<char> Status { get; set; }
        public ReadOnlySpan<char> PurchaseTimestamp { get; set; }
        public ReadOnlySpan<char> ApprovedAt { get; set; }
        public ReadOnlySpan<char> DeliveredCarrierDate { get; set; }
        public ReadOnlySpan<char> DeliveredCustomerDate { get; set; }
        public ReadOnlySpan<char> EstimatedDeliveryDate { get; set; }
    }

    /// <summary>Applies the cleaning rules; returns the order, or null with <paramref name="rejection"/> set.</summary>
    public static Order? Validate(in Fields fields, long lineNumber, out Rejection? rejection)
    {
        rejection = null;
        var orderIdText = fields.OrderId.Trim();
        if (!OrderIds.TryParse(orderIdText, out var orderId))
        {
            rejection = Reject(lineNumber, RejectReason.BadOrderId, OrderFields.OrderId, orderIdText, "is not 32 hex digits");
            return null;
        }

        var customerIdText = fields.CustomerId.Trim();
        if (!OrderIds.TryParse(customerIdText, out var customerId))
        {
            rejection = Reject(lineNumber, RejectReason.BadCustomerId, OrderFields.CustomerId, customerIdText, "is not 32 hex digits");
            return null;
        }

        var statusText = fields.Status.Trim();
        var status = OrderStatuses.Normalize(statusText);
        if (status is null)
        {
            rejection = Reject(lineNumber, RejectReason.UnknownStatus, OrderFields.Status, statusText, "is not a known status");
            return null;
        }

        var purchaseText = fields.PurchaseTimestamp.Trim();
        var purchaseResult = DatasetTimestamp.TryParse(purchaseText, out var purchase);
        if (purchaseResult == TimestampParseResult.Empty)
        {
            rejection = new Rejection(lineNumber, RejectReason.MissingPurchaseTimestamp, $"{OrderFields.PurchaseTimestamp} is empty");
            return null;
        }

        if (purchaseResult != TimestampParseResult.Ok)
        {
            rejection = Reject(lineNumber, RejectReason.BadPurchaseTimestamp, OrderFields.PurchaseTimestamp, purchaseText, Describe(purchaseResult));
            return null;
        }

        if (!TryOptional(fields.ApprovedAt, OrderFields.ApprovedAt, lineNumber, out var approved, ref rejection) ||
            !TryOptional(fields.DeliveredCarrierDate, OrderFields.DeliveredCarrierDate, lineNumber, out var carrier, ref rejection) ||
            !TryOptional(fields.DeliveredCustomerDate, OrderFields.DeliveredCustomerDate, lineNumber, out var customer, ref rejection) ||
            !TryOptional(fields.EstimatedDeliveryDate, OrderFields.EstimatedDeliveryDate, lineNumber, out var estimated, ref rejection))
        {
            return null;
        }

        return new Order(orderId, customerId, status, purchase, approved, carrier, customer, estimated);
    }

    /// <summary>Shortens a value for a message (a 10 MB field must not end up in a log line).</summary>
    public static string Show(ReadOnlySpan<char> value) =>
        value.Length <= MaxShownValue ? $"'{value}'" : $"'{value[..MaxShownValue]}...' ({value.Length} chars)";

    private static bool TryOptional(ReadOnlySpan<char> raw, string field, long lineNumber, out DateTime? value, ref Rejection? rejection)
    {
        var text = raw.Trim();
        var result = DatasetTimestamp.TryParse(text, out var parsed);
        switch (result)
        {
            case TimestampParseResult.Ok:
                value = parsed;
                return true;
            case TimestampParseResult.Empty:
                value = null;
                return true;
            default:
                value = null;
                rejection = Reject(lineNumber, RejectReason.BadTimestamp, field, text, Describe(result));
                return false;
        }
    }

    private static string Describe(TimestampParseResult result) => result switch
    {
        TimestampParseResult.ImpossibleDate => "is not a real date/time",
        TimestampParseResult.HasTimeZone => "has a time zone (the dataset's times are zone-less wall-clock values)",
        _ => $"is not in the format {DatasetTimestamp.Format}",
    };

    private static Rejection Reject(long lineNumber, RejectReason reason, string field, ReadOnlySpan<char> value, string what) =>
        new(lineNumber, reason, value.IsEmpty ? $"{field} is empty" : $"{field} {Show(value)} {what}");
}
