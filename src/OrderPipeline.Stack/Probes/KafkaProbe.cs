using System.Buffers.Binary;
using System.Text;

namespace OrderPipeline.Stack.Probes;

/// A raw Kafka Metadata v0 request over TCP: every broker version from 0.8 to 3.x answers it, and it needs
/// no native client library. An empty topic list asks for all topics and never auto-creates one.
public static class KafkaProbe
{
    private const short MetadataApiKey = 3;
    private static readonly byte[] ClientId = "orderpipeline-stack"u8.ToArray();

    public static async Task<KafkaMetadata> GetMetadataAsync(string host, int port, CancellationToken cancellationToken = default)
    {
        await using var connection = await ProbeConnection.OpenAsync(host, port, cancellationToken).ConfigureAwait(false);
        var request = new byte[4 + 2 + 2 + 4 + 2 + ClientId.Length + 4];
        var span = request.AsSpan();
        BinaryPrimitives.WriteInt32BigEndian(span, request.Length - 4);
        BinaryPrimitives.WriteInt16BigEndian(span[4..], MetadataApiKey);
        BinaryPrimitives.WriteInt16BigEndian(span[6..], 0);
        BinaryPrimitives.WriteInt32BigEndian(span[8..], 1);
        BinaryPrimitives.WriteInt16BigEndian(span[12..], (short)ClientId.Length);
        ClientId.CopyTo(span[14..]);
        BinaryPrimitives.WriteInt32BigEndian(span[(14 + ClientId.Length)..], 0);
        await connection.WriteAsync(request, cancellationToken).ConfigureAwait(false);

        var size = BinaryPrimitives.ReadInt32BigEndian(await connection.ReadExactAsync(4, cancellationToken).ConfigureAwait(false));
        var body = await connection.ReadExactAsync(size, cancellationToken).ConfigureAwait(false);
        return Parse(body);
    }

    /// Parses a Metadata v0 response body (after the size prefix).
    public static KafkaMetadata Parse(ReadOnlySpan<byte> body)
    {
        var reader = new BigEndianReader(body);
        reader.Int32(); // correlation id
        var brokers = new List<KafkaBroker>();
        for (var n = reader.Int32(); n > 0; n--)
        {
            brokers.Add(new KafkaBroker(reader.Int32(), reader.String(), reader.Int32()));
        }

        var topics = new List<KafkaTopic>();
        for (var t = reader.Int32(); t > 0; t--)
        {
            var error = reader.Int16();
            var name = reader.String();
            var partitions = new List<KafkaPartition>();
            for (var p = reader.Int32(); p > 0; p--)
            {
                partitions.Add(ReadPartition(ref reader));
            }

            topics.Add(new KafkaTopic(name, error, partitions));
        }

        return new KafkaMetadata(brokers, topics);
    }

    private static KafkaPartition ReadPartition(ref BigEndianReader reader)
    {
        var error = reader.Int16();
        var id = reader.Int32();
        var leader = reader.Int32();
        var replicas = reader.Int32Array();
        var isr = reader.Int32Array();
        return new KafkaPartition(id, error, leader, replicas, isr);
    }

    internal ref struct BigEndianReader
    {
        private readonly ReadOnlySpan<byte> _data;
        private int _position;

        public BigEndianReader(ReadOnlySpan<byte> data)
        {
            _data = data;
            _position = 0;
        }

        public short Int16()
        {
            var value = BinaryPrimitives.ReadInt16BigEndian(_data[_position..]);
            _position += 2;
            return value;
        }

        public int Int32()
        {
            var value = BinaryPrimitives.ReadInt32BigEndian(_data[_position..]);
            _position += 4;
            return value;
        }

        public string String()
        {
            var length = Int16();
            if (length < 0)
            {
                return "";
            }

            var value = Encoding.UTF8.GetString(_data.Slice(_position, length));
            _position += length;
            return value;
        }

        public int[] Int32Array()
        {
            var values = new int[Math.Max(0, Int32())];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = Int32();
            }

            return values;
        }
    }
}
