using System.Net;

namespace OrderPipeline.Cql.Protocol.Responses;

/// <summary>An EVENT pushed by the server (stream -1).</summary>
internal abstract record ServerEvent;

/// <summary>NEW_NODE / REMOVED_NODE (MOVED_NODE in later versions).</summary>
internal sealed record TopologyChangeEvent(string Change, IPEndPoint Address) : ServerEvent;

/// <summary>UP / DOWN.</summary>
internal sealed record StatusChangeEvent(string Change, IPEndPoint Address) : ServerEvent;

/// <summary>CREATED / UPDATED / DROPPED of a keyspace, table, type, function or aggregate (also a RESULT kind).</summary>
internal sealed record SchemaChangeEvent(string Change, string Target, string Keyspace, string? Name, IReadOnlyList<string>? ArgumentTypes) : ServerEvent
{
    public static SchemaChangeEvent Read(ref PrimitiveReader reader)
    {
        var change = reader.ReadString();
        var target = reader.ReadString();
        var keyspace = reader.ReadString();
        return target switch
        {
            "KEYSPACE" => new(change, target, keyspace, null, null),
            "FUNCTION" or "AGGREGATE" => new(change, target, keyspace, reader.ReadString(), reader.ReadStringList()),
            _ => new(change, target, keyspace, reader.ReadString(), null),
        };
    }
}

/// <summary>Decodes EVENT bodies.</summary>
internal static class EventDecoder
{
    public static ServerEvent Decode(Frame frame)
    {
        var reader = new PrimitiveReader(frame.Message);
        var type = reader.ReadString();
        return type switch
        {
            "TOPOLOGY_CHANGE" => new TopologyChangeEvent(reader.ReadString(), reader.ReadInet()),
            "STATUS_CHANGE" => new StatusChangeEvent(reader.ReadString(), reader.ReadInet()),
            "SCHEMA_CHANGE" => SchemaChangeEvent.Read(ref reader),
            _ => throw new CqlProtocolException($"Unknown event type '{type}'."),
        };
    }
}
