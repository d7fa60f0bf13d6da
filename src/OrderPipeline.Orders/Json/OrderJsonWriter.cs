using System.Buffers.Text;
using System.Text;

namespace OrderPipeline.Orders.Json;

/// <summary>
/// Writes the Kafka message value of an order straight into one exact-length UTF-8 array: no intermediate
/// message object, no string per id or timestamp, no growing buffer. The layout is fixed by the contract
/// (dataset field names in column order, ids as 32 lowercase hex digits, <c>yyyy-MM-dd HH:mm:ss</c> or
/// <c>null</c>), and every value is plain ASCII that JSON never escapes (hex, a known lowercase status, digits),
/// so the bytes equal what <c>System.Text.Json</c> writes for <see cref="OrderMessage"/>; the golden tests and
/// <c>OrderJsonWriterTests</c> pin that.
/// </summary>
public static class OrderJsonWriter
{
    private static readonly byte[] OrderIdName = Name(OrderFields.OrderId, first: true);
    private static readonly byte[] CustomerIdName = Name(OrderFields.CustomerId);
    private static readonly byte[] StatusName = Name(OrderFields.Status);
    private static readonly byte[] PurchaseName = Name(OrderFields.PurchaseTimestamp);
    private static readonly byte[] ApprovedName = Name(OrderFields.ApprovedAt);
    private static readonly byte[] CarrierName = Name(OrderFields.DeliveredCarrierDate);
    private static readonly byte[] CustomerName = Name(OrderFields.DeliveredCustomerDate);
    private static readonly byte[] EstimatedName = Name(OrderFields.EstimatedDeliveryDate);

    /// <summary>The message value of the order.</summary>
    public static byte[] ToUtf8Bytes(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        CheckStatus(order.Status);
        var length = OrderIdName.Length + 34 + CustomerIdName.Length + 34 + StatusName.Length + order.Status.Length + 2
            + PurchaseName.Length + 21
            + ApprovedName.Length + TimestampLength(order.ApprovedAt)
            + CarrierName.Length + TimestampLength(order.DeliveredCarrierDate)
            + CustomerName.Length + TimestampLength(order.DeliveredCustomerDate)
            + EstimatedName.Length + TimestampLength(order.EstimatedDeliveryDate)
            + 1;
        var bytes = new byte[length];
        var span = bytes.AsSpan();
        var at = Put(span, 0, OrderIdName);
        at = PutId(span, at, order.OrderId);
        at = Put(span, at, CustomerIdName);
        at = PutId(span, at, order.CustomerId);
        at = Put(span, at, StatusName);
        span[at++] = (byte)'"';
        at += Encoding.ASCII.GetBytes(order.Status, span[at..]);
        span[at++] = (byte)'"';
        at = Put(span, at, PurchaseName);
        at = PutTimestamp(span, at, order.PurchaseTimestamp);
        at = Put(span, at, ApprovedName);
        at = PutTimestamp(span, at, order.ApprovedAt);
        at = Put(span, at, CarrierName);
        at = PutTimestamp(span, at, order.DeliveredCarrierDate);
        at = Put(span, at, CustomerName);
        at = PutTimestamp(span, at, order.DeliveredCustomerDate);
        at = Put(span, at, EstimatedName);
        at = PutTimestamp(span, at, order.EstimatedDeliveryDate);
        span[at++] = (byte)'}';
        return at == length ? bytes : throw new InvalidOperationException($"JSON length {at} differs from the computed {length}.");
    }

    /// <summary>Writes the id as 32 lowercase hex digits (the <c>N</c> format) into <paramref name="destination"/>.</summary>
    public static void WriteHex(Guid id, Span<byte> destination)
    {
        if (!Utf8Formatter.TryFormat(id, destination, out _, 'N'))
        {
            throw new ArgumentException("The destination is shorter than 32 bytes.", nameof(destination));
        }
    }

    private static byte[] Name(string name, bool first = false) => Encoding.ASCII.GetBytes($"{(first ? "{" : ",")}\"{name}\":");

    private static int TimestampLength(DateTime? value) => value is null ? 4 : DatasetTimestamp.Length + 2;

    private static void CheckStatus(string status)
    {
        // Statuses come from the validator (a known lowercase word); anything JSON would escape is refused here
        // rather than written wrong.
        foreach (var c in status)
        {
            if (c is < ' ' or > '~' or '"' or '\\' or '<' or '>' or '&' or '\'' or '+' or '`')
            {
                throw new ArgumentException($"Status '{status}' needs JSON escaping; only known statuses are written.", nameof(status));
            }
        }
    }

    private static int Put(Span<byte> span, int at, byte[] bytes)
    {
        bytes.CopyTo(span[at..]);
        return at + bytes.Length;
    }

    private static int PutId(Span<byte> span, int at, Guid id)
    {
        span[at] = (byte)'"';
        WriteHex(id, span[(at + 1)..]);
        span[at + 33] = (byte)'"';
        return at + 34;
    }

    private static int PutTimestamp(Span<byte> span, int at, DateTime? value)
    {
        if (value is not { } v)
        {
            "null"u8.CopyTo(span[at..]);
            return at + 4;
        }

        span[at] = (byte)'"';
        DatasetTimestamp.WriteUtf8(v, span.Slice(at + 1, DatasetTimestamp.Length));
        span[at + 1 + DatasetTimestamp.Length] = (byte)'"';
        return at + DatasetTimestamp.Length + 2;
    }
}
