using OrderPipeline.Cql.Protocol;
using ProtocolOpcode = OrderPipeline.Cql.Protocol.Opcode;

namespace OrderPipeline.TestSupport.FakeCql;

/// <summary>A request frame the fake server received, with the parts tests match on.</summary>
public sealed class FakeRequest
{
    internal FakeRequest(FrameHeader header, byte[] body, FakeConnection connection)
    {
        Header = header;
        Body = body;
        Connection = connection;
        var reader = new PrimitiveReader(body);
        switch (header.Opcode)
        {
            case ProtocolOpcode.Query or ProtocolOpcode.Prepare:
                Query = reader.ReadLongString();
                break;
            case ProtocolOpcode.Execute:
                PreparedId = reader.ReadShortBytes().ToArray();
                break;
            case ProtocolOpcode.Startup:
                var count = reader.ReadUInt16();
                for (var i = 0; i < count; i++)
                {
                    StartupOptions[reader.ReadString()] = reader.ReadString();
                }

                break;
        }

        if (header.Opcode is ProtocolOpcode.Query or ProtocolOpcode.Execute)
        {
            Consistency = reader.ReadInt16();
            Flags = reader.ReadByte();
            if ((Flags & 0x01) != 0)
            {
                var values = reader.ReadUInt16();
                for (var i = 0; i < values; i++)
                {
                    Values.Add(reader.ReadBytesCopy());
                }
            }
        }
    }

    internal FrameHeader Header { get; }

    public byte[] Body { get; }

    public FakeConnection Connection { get; }

    public int Opcode => (int)Header.Opcode;

    internal ProtocolOpcode Kind => Header.Opcode;

    public short Stream => Header.Stream;

    public byte Version => Header.ProtocolVersion;

    public string? Query { get; }

    public byte[]? PreparedId { get; }

    public short Consistency { get; }

    public byte Flags { get; }

    public List<byte[]?> Values { get; } = [];

    public Dictionary<string, string> StartupOptions { get; } = [];

    public bool IsQuery(string fragment) => Query?.Contains(fragment, StringComparison.OrdinalIgnoreCase) == true;
}
