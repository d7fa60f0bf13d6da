using System.Buffers.Binary;
using System.Text;
using OrderPipeline.Stack.Probes;

namespace OrderPipeline.Stack.Tests.Unit;

public class ProbeParsingTests
{
    private sealed class Writer
    {
        private readonly MemoryStream _ms = new();

        public Writer I16(short v)
        {
            Span<byte> b = stackalloc byte[2];
            BinaryPrimitives.WriteInt16BigEndian(b, v);
            _ms.Write(b);
            return this;
        }

        public Writer I32(int v)
        {
            Span<byte> b = stackalloc byte[4];
            BinaryPrimitives.WriteInt32BigEndian(b, v);
            _ms.Write(b);
            return this;
        }

        public Writer Str(string s)
        {
            var bytes = Encoding.UTF8.GetBytes(s);
            I16((short)bytes.Length);
            _ms.Write(bytes);
            return this;
        }

        public byte[] ToArray() => _ms.ToArray();
    }

    [Fact]
    public void Should_ReadBrokersTopicsAndLeaders_When_ParsingMetadataV0()
    {
        // Given a Metadata v0 response with 2 brokers and a topic whose second partition has no leader
        var body = new Writer()
            .I32(1)
            .I32(2).I32(0).Str("127.0.1.1").I32(9092).I32(1).Str("127.0.1.1").I32(9093)
            .I32(1).I16(0).Str("orders").I32(2)
            .I16(0).I32(0).I32(1).I32(2).I32(1).I32(0).I32(1).I32(1)
            .I16(5).I32(1).I32(-1).I32(1).I32(0).I32(0)
            .ToArray();

        // When parsed
        var metadata = KafkaProbe.Parse(body);

        // Then brokers and partitions come out in order and the topic is not yet usable
        Assert.Equal([new KafkaBroker(0, "127.0.1.1", 9092), new KafkaBroker(1, "127.0.1.1", 9093)], metadata.Brokers);
        var topic = Assert.Single(metadata.Topics);
        Assert.Equal("orders", topic.Name);
        Assert.Equal([1, -1], topic.Partitions.Select(p => p.Leader));
        Assert.Equal([1, 0], topic.Partitions[0].Replicas);
        Assert.False(topic.IsUsable);
    }

    [Fact]
    public void Should_CountRows_When_ResultHasNoMetadata()
    {
        var body = new Writer().I32(2).I32(0x0004).I32(1).I32(2)
            .I32(4).I32(0x7f000002).I32(4).I32(0x7f000003).ToArray();

        Assert.Equal(2, CassandraProbe.CountRows(body));
    }

    [Fact]
    public void Should_CountRows_When_ResultHasGlobalTableSpec()
    {
        var body = new Writer().I32(2).I32(0x0001).I32(1).Str("system").Str("peers").Str("peer").I16(0x10)
            .I32(1).I32(4).I32(0x7f000002).ToArray();

        Assert.Equal(1, CassandraProbe.CountRows(body));
    }

    [Fact]
    public void Should_Throw_When_ResultIsNotRows()
    {
        var body = new Writer().I32(1).ToArray();

        Assert.Throws<InvalidOperationException>(() => CassandraProbe.CountRows(body));
    }
}
