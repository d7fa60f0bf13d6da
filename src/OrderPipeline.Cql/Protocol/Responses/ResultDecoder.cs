using System.Net;

namespace OrderPipeline.Cql.Protocol.Responses;

/// <summary>
/// Turns a response frame into its result: a <see cref="RowSet"/> (rows or void), a keyspace name, a
/// <see cref="PreparedResult"/> or a <see cref="SchemaChangeEvent"/>. ERROR frames become typed exceptions.
/// </summary>
internal static class ResultDecoder
{
    public static object Decode(Frame frame, EndPoint? host, byte protocolVersion)
    {
        if (frame.Opcode == Opcode.Error)
        {
            throw ErrorDecoder.Decode(frame, host);
        }

        if (frame.Opcode != Opcode.Result)
        {
            throw new CqlProtocolException(host, $"Expected a RESULT message but received {frame.Opcode}.");
        }

        var reader = new PrimitiveReader(frame.Message);
        var kind = (ResultKind)reader.ReadInt32();
        switch (kind)
        {
            case ResultKind.Void:
                return frame.Warnings is null ? RowSet.Empty : new RowSet(ResultMetadata.Empty, [], [], 0, protocolVersion) { Warnings = frame.Warnings };
            case ResultKind.Rows:
                var rows = RowSet.Read(ref reader, frame.Body, frame.MessageOffset, protocolVersion);
                rows.Coordinator = host;
                if (frame.Warnings is not null)
                {
                    rows.Warnings = frame.Warnings;
                }

                return rows;
            case ResultKind.SetKeyspace:
                return reader.ReadString();
            case ResultKind.Prepared:
                var id = reader.ReadShortBytes().ToArray();
                var variables = ResultMetadata.Read(ref reader, prepared: true, protocolVersion);
                var columns = ResultMetadata.Read(ref reader, prepared: false, protocolVersion);
                return new PreparedResult(id, variables, columns);
            case ResultKind.SchemaChange:
                return SchemaChangeEvent.Read(ref reader);
            default:
                throw new CqlProtocolException(host, $"Unknown RESULT kind {(int)kind}.");
        }
    }

    public static RowSet DecodeRows(Frame frame, EndPoint? host, byte protocolVersion) =>
        Decode(frame, host, protocolVersion) as RowSet ?? RowSet.Empty;
}
