using OrderPipeline.Orders;
using OrderPipeline.Orders.Json;

namespace OrderPipeline.Producer;

/// <summary>The Kafka record of an order: key <c>{customer_id}_{order_id}</c> (UTF-8) and the JSON value.</summary>
public static class OrderMessageEncoding
{
    public const int KeyLength = 65;

    public static byte[] Key(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var key = new byte[KeyLength];
        OrderJsonWriter.WriteHex(order.CustomerId, key);
        key[32] = (byte)'_';
        OrderJsonWriter.WriteHex(order.OrderId, key.AsSpan(33));
        return key;
    }

    /// <summary>The JSON value, written into one exact-length array (the Kafka client's API takes arrays and copies them).</summary>
    public static byte[] Value(Order order) => OrderJson.SerializeToUtf8Bytes(order);
}
