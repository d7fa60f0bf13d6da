using OrderPipeline.Cql;
using OrderPipeline.Cql.Codecs;
using OrderPipeline.Cql.Protocol;

namespace OrderPipeline.TestSupport.FakeCql;

/// <summary>A response the fake server sends: an opcode and a body, optionally delayed or raw.</summary>
public sealed class FakeResponse
{
    internal FakeResponse(Opcode opcode, byte[] body)
    {
        Kind = opcode;
        Body = body;
    }

    internal Opcode Kind { get; }

    public byte[] Body { get; }

    /// <summary>Wait this long before answering (other requests may be answered first).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Send these bytes verbatim instead of a well-formed frame.</summary>
    public byte[]? Raw { get; init; }

    /// <summary>Answer with this protocol version in the header instead of the request's.</summary>
    public byte? Version { get; init; }

    /// <summary>Close the connection instead of answering.</summary>
    public bool CloseConnection { get; init; }

    public FakeResponse WithVersion(byte version) => new(Kind, Body) { Delay = Delay, Raw = Raw, Version = version, CloseConnection = CloseConnection };

    public FakeResponse WithDelay(TimeSpan delay) => new(Kind, Body) { Delay = delay, Raw = Raw, Version = Version, CloseConnection = CloseConnection };

    public static FakeResponse Ready() => new(Opcode.Ready, []);

    public static FakeResponse Void() => Build(Opcode.Result, b => b.WriteInt32(1));

    public static FakeResponse SetKeyspace(string keyspace) => Build(Opcode.Result, b => { b.WriteInt32(3); b.WriteString(keyspace); });

    public static FakeResponse Authenticate(string authenticator) => Build(Opcode.Authenticate, b => b.WriteString(authenticator));

    public static FakeResponse AuthSuccess() => Build(Opcode.AuthSuccess, b => b.WriteNullBytes());

    public static FakeResponse Supported(params string[] compression) => Build(Opcode.Supported, b =>
    {
        b.WriteUInt16(2);
        b.WriteString("CQL_VERSION");
        b.WriteStringList(["3.0.0"]);
        b.WriteString("COMPRESSION");
        b.WriteStringList(compression);
    });

    internal static FakeResponse Error(CqlErrorCode code, string message, Action<FrameBuffer>? fields = null) => Build(Opcode.Error, b =>
    {
        b.WriteInt32((int)code);
        b.WriteString(message);
        fields?.Invoke(b);
    });

    public static FakeResponse Unavailable(CqlConsistency consistency, int required, int alive) =>
        Error(CqlErrorCode.Unavailable, "Cannot achieve consistency level", b => { b.WriteInt16((short)consistency); b.WriteInt32(required); b.WriteInt32(alive); });

    public static FakeResponse WriteTimeout(CqlConsistency consistency, int received, int blockFor) =>
        Error(CqlErrorCode.WriteTimeout, "Operation timed out", b => { b.WriteInt16((short)consistency); b.WriteInt32(received); b.WriteInt32(blockFor); b.WriteString("SIMPLE"); });

    public static FakeResponse Unprepared(byte[] id) => Error(CqlErrorCode.Unprepared, "Prepared query not found", b => b.WriteShortBytes(id));

    /// <summary>A RESULT Prepared for markers of the given types in table ks.t.</summary>
    public static FakeResponse Prepared(byte[] id, byte version, params (string Name, CqlType Type)[] markers) => Build(Opcode.Result, b =>
    {
        b.WriteInt32(4);
        b.WriteShortBytes(id);
        b.WriteInt32(1);
        b.WriteInt32(markers.Length);
        if (version >= 4)
        {
            b.WriteInt32(markers.Length > 0 ? 1 : 0);
            if (markers.Length > 0)
            {
                b.WriteUInt16(0);
            }
        }

        b.WriteString("ks");
        b.WriteString("t");
        foreach (var (name, type) in markers)
        {
            b.WriteString(name);
            TypeOptionWriter.Write(b, type);
        }

        b.WriteInt32(4);
        b.WriteInt32(0);
    });

    /// <summary>A RESULT Rows page with a global table spec; values are encoded with the production codecs.</summary>
    public static FakeResponse Rows((string Name, CqlType Type)[] columns, IEnumerable<object?[]> rows, byte[]? pagingState = null, byte version = 4) => Build(Opcode.Result, b =>
    {
        b.WriteInt32(2);
        b.WriteInt32(1 | (pagingState is null ? 0 : 2));
        b.WriteInt32(columns.Length);
        if (pagingState is not null)
        {
            b.WriteBytes(pagingState);
        }

        b.WriteString("ks");
        b.WriteString("t");
        foreach (var (name, type) in columns)
        {
            b.WriteString(name);
            TypeOptionWriter.Write(b, type);
        }

        var list = rows.ToList();
        b.WriteInt32(list.Count);
        foreach (var row in list)
        {
            for (var i = 0; i < columns.Length; i++)
            {
                ValueCodec.WriteValue(b, columns[i].Type, row[i], version);
            }
        }
    });

    public static FakeResponse StatusEvent(string change, System.Net.IPEndPoint address) => Build(Opcode.Event, b =>
    {
        b.WriteString("STATUS_CHANGE");
        b.WriteString(change);
        b.WriteInet(address);
    });

    /// <summary>A RESULT of kind Schema_change (v3 layout: change, target, keyspace, name).</summary>
    public static FakeResponse SchemaChange(string change, string target, string keyspace, string name) => Build(Opcode.Result, b =>
    {
        b.WriteInt32(5);
        b.WriteString(change);
        b.WriteString(target);
        b.WriteString(keyspace);
        b.WriteString(name);
    });

    public static FakeResponse RawBytes(byte[] bytes, bool close = false) => new(Opcode.Error, []) { Raw = bytes, CloseConnection = close };

    public static FakeResponse NoAnswer() => new(Opcode.Error, []) { Delay = Timeout.InfiniteTimeSpan };

    private static FakeResponse Build(Opcode opcode, Action<FrameBuffer> body)
    {
        var buffer = FrameBuffer.Rent();
        try
        {
            body(buffer);
            return new FakeResponse(opcode, buffer.WrittenSpan.ToArray());
        }
        finally
        {
            buffer.Return();
        }
    }
}
