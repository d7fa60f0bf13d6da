using System.Text;
using OrderPipeline.Orders;
using OrderPipeline.Orders.Json;

namespace OrderPipeline.Producer;

/// <summary>The Kafka record of an order: key <c>{customer_id}_{order_id}</c> (UTF-8) and the JSON value.</summary>
public static class OrderMessageEncoding
{
    public static byte[] Key(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var key = new byte[65];
        Encoding.ASCII.GetBytes(order.CustomerIdHex, key);
        key[32] = (byte)'_';
        Encoding.ASCII.GetBytes(order.OrderIdHex, key.AsSpan(33));
        return key;
    }

    public static byte[] Value(Order order) => OrderJson.SerializeToUtf8Bytes(order);
}
