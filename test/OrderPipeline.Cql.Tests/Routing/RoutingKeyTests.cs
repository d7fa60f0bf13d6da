using System.Buffers.Binary;
using System.Text;
using OrderPipeline.Cql.Routing;

namespace OrderPipeline.Cql.Tests.Routing;

public class RoutingKeyTests
{
    [Fact]
    public void Should_UseValueBytesAsIs_When_KeyHasOneComponent()
    {
        // Given a single-column partition key (an int 42)
        var value = new byte[] { 0, 0, 0, 42 };

        // When composed
        var key = RoutingKey.Compose([value]);

        // Then the routing key is the serialized value itself
        Assert.Equal(value, key);
    }

    [Fact]
    public void Should_EncodeLengthBytesAndEndOfComponent_When_KeyIsComposite()
    {
        // Given a composite key (text 'ab', int 1)
        ReadOnlyMemory<byte>[] components = [Encoding.UTF8.GetBytes("ab"), new byte[] { 0, 0, 0, 1 }];

        // When composed
        var key = RoutingKey.Compose(components);

        // Then each component is u16 big-endian length, bytes, 0
        Assert.Equal(Convert.FromHexString("0002616200" + "00040000000100"), key);
    }

    [Fact]
    public void Should_EncodeEmptyComponent_When_ComponentIsEmpty()
    {
        ReadOnlyMemory<byte>[] components = [Array.Empty<byte>(), new byte[] { 7 }];

        Assert.Equal(Convert.FromHexString("000000" + "00010700"), RoutingKey.Compose(components));
    }

    [Fact]
    public void Should_ComputeSameTokenAsComposedBytes_When_UsingComputeToken()
    {
        // Given composite keys small enough for the stack buffer and one larger than it
        ReadOnlyMemory<byte>[] small = [Encoding.UTF8.GetBytes("customer"), new byte[] { 1, 2, 3 }];
        ReadOnlyMemory<byte>[] large = [new byte[300], new byte[] { 0xfe }];

        // Then the token equals the token of the composed bytes
        Assert.Equal(Murmur3Token.Compute(RoutingKey.Compose(small)), RoutingKey.ComputeToken(small));
        Assert.Equal(Murmur3Token.Compute(RoutingKey.Compose(large)), RoutingKey.ComputeToken(large));
    }

    [Fact]
    public void Should_Throw_When_CompositeComponentExceeds65535Bytes()
    {
        ReadOnlyMemory<byte>[] components = [new byte[65536], new byte[1]];

        Assert.Throws<ArgumentException>(() => RoutingKey.Compose(components));
    }

    [Fact]
    public void Should_AcceptMaximalComponent_When_LengthIs65535()
    {
        ReadOnlyMemory<byte>[] components = [new byte[65535], new byte[1]];

        var key = RoutingKey.Compose(components);

        Assert.Equal(65535, BinaryPrimitives.ReadUInt16BigEndian(key));
        Assert.Equal(2 + 65535 + 1 + 2 + 1 + 1, key.Length);
    }

    [Fact]
    public void Should_Throw_When_NoComponents()
    {
        Assert.Throws<ArgumentException>(() => RoutingKey.Compose(ReadOnlySpan<ReadOnlyMemory<byte>>.Empty));
    }

    [Fact]
    public void Should_Throw_When_DestinationTooSmall()
    {
        ReadOnlyMemory<byte>[] components = [new byte[] { 1 }, new byte[] { 2 }];

        Assert.Throws<ArgumentException>(() => RoutingKey.Compose(components, new byte[7]));
    }

    [Fact]
    public void Should_WriteIntoDestination_When_DestinationLargeEnough()
    {
        ReadOnlyMemory<byte>[] components = [new byte[] { 1 }, new byte[] { 2 }];
        var destination = new byte[10];

        var written = RoutingKey.Compose(components, destination);

        Assert.Equal(8, written);
        Assert.Equal(Convert.FromHexString("0001010000010200"), destination[..written]);
    }
}
