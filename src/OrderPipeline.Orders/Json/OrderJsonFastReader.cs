using System.Buffers;
using System.Text;
using System.Text.Json;

namespace OrderPipeline.Orders.Json;

/// <summary>
/// The consumer's common case without System.Text.Json's object model: one flat object whose members are the
/// eight contract fields, each once, with unescaped ASCII strings or <c>null</c> (what every producer of ours
/// writes). The values are read straight from the message bytes into one stack buffer and go through the same
/// <see cref="OrderValidator"/> rules, so no string, message object or field array is allocated per order.
/// Anything else (escapes, other members, non-ASCII, other value types, a value the rules reject, malformed
/// JSON) returns false and the caller takes the general path, which alone describes rejections: this reader
/// never decides that a message is poison.
/// </summary>
internal static class OrderJsonFastReader
{
    /// <summary>Longer than any valid value (an id is 32 characters, a timestamp 19) even with padding.</summary>
    internal const int MaxValueLength = 64;

    private const int FieldCount = 8;
    private const int RequiredCount = 4;
    private const int Absent = -1;
    private const int Null = -2;

    // In the order of OrderValidator.Fields below; the first four are required.
    private static readonly byte[][] Names =
    [
        Encoding.UTF8.GetBytes(OrderFields.OrderId),
        Encoding.UTF8.GetBytes(OrderFields.CustomerId),
        Encoding.UTF8.GetBytes(OrderFields.Status),
        Encoding.UTF8.GetBytes(OrderFields.PurchaseTimestamp),
        Encoding.UTF8.GetBytes(OrderFields.ApprovedAt),
        Encoding.UTF8.GetBytes(OrderFields.DeliveredCarrierDate),
        Encoding.UTF8.GetBytes(OrderFields.DeliveredCustomerDate),
        Encoding.UTF8.GetBytes(OrderFields.EstimatedDeliveryDate),
    ];

    /// <summary>Returns true with a valid order, or false when the general path must decide.</summary>
    public static bool TryRead(ReadOnlySpan<byte> utf8Json, out Order? order)
    {
        order = null;
        Span<char> chars = stackalloc char[FieldCount * MaxValueLength];
        Span<int> lengths = stackalloc int[FieldCount];
        lengths.Fill(Absent);
        try
        {
            // Default reader options, as the general path's deserializer uses: no comments, no trailing commas,
            // a single top-level value.
            var reader = new Utf8JsonReader(utf8Json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var index = reader.ValueIsEscaped ? -1 : IndexOf(reader.ValueSpan);
                if (index < 0 || lengths[index] != Absent || !reader.Read())
                {
                    return false;
                }

                if (reader.TokenType == JsonTokenType.Null)
                {
                    lengths[index] = Null;
                }
                else if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && reader.ValueSpan.Length <= MaxValueLength
                    && Ascii.ToUtf16(reader.ValueSpan, chars.Slice(index * MaxValueLength, MaxValueLength), out var written) == OperationStatus.Done)
                {
                    lengths[index] = written;
                }
                else
                {
                    return false;
                }
            }

            // The object must be closed and be the whole message (Read throws on trailing content).
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return false;
            }
        }
        catch (JsonException)
        {
            return false;
        }

        for (var i = 0; i < FieldCount; i++)
        {
            // Absent, or a required value that is null or blank: the general path names the problem.
            if (lengths[i] == Absent || (i < RequiredCount && (lengths[i] == Null || Value(chars, lengths, i).IsWhiteSpace())))
            {
                return false;
            }
        }

        var fields = new OrderValidator.Fields
        {
            OrderId = Value(chars, lengths, 0),
            CustomerId = Value(chars, lengths, 1),
            Status = Value(chars, lengths, 2),
            PurchaseTimestamp = Value(chars, lengths, 3),
            ApprovedAt = Value(chars, lengths, 4),
            DeliveredCarrierDate = Value(chars, lengths, 5),
            DeliveredCustomerDate = Value(chars, lengths, 6),
            EstimatedDeliveryDate = Value(chars, lengths, 7),
        };
        if (!OrderValidator.TryValidate(fields, 0, out var valid, out _))
        {
            return false;
        }

        order = valid.ToOrder();
        return true;
    }

    /// <summary>A null value reads as empty, as the general path passes a null string on.</summary>
    private static ReadOnlySpan<char> Value(ReadOnlySpan<char> chars, ReadOnlySpan<int> lengths, int index) =>
        lengths[index] < 0 ? [] : chars.Slice(index * MaxValueLength, lengths[index]);

    private static int IndexOf(ReadOnlySpan<byte> name)
    {
        for (var i = 0; i < Names.Length; i++)
        {
            if (name.SequenceEqual(Names[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
