using System.Buffers.Binary;
using System.Text;

namespace OrderPipeline.Stack.Probes;

/// A tiny CQL native protocol v3 client, just enough to tell that a node serves clients (OPTIONS ->
/// SUPPORTED) and how many peers it knows (STARTUP, then QUERY "SELECT peer FROM system.peers").
/// Kept private to the stack so it does not depend on the OrderPipeline.Cql library.
public static class CassandraProbe
{
    private const byte Version = 0x03;
    private const byte OpError = 0x00;
    private const byte OpStartup = 0x01;
    private const byte OpReady = 0x02;
    private const byte OpOptions = 0x05;
    private const byte OpSupported = 0x06;
    private const byte OpQuery = 0x07;
    private const byte OpResult = 0x08;
    private const int ResultRows = 0x0002;
    private const short ConsistencyOne = 0x0001;
    private const byte QueryFlagSkipMetadata = 0x02;

    /// True when the node answers OPTIONS with SUPPORTED.
    public static Task<bool> IsReadyAsync(string host, int port, CancellationToken cancellationToken = default) =>
        IsReadyAsync(host, port, tls: false, cancellationToken);

    /// True when the node answers OPTIONS with SUPPORTED; over TLS (certificate not checked) when <paramref name="tls"/>.
    public static async Task<bool> IsReadyAsync(string host, int port, bool tls, CancellationToken cancellationToken = default)
    {
        await using var connection = await ProbeConnection.OpenAsync(host, port, tls, cancellationToken).ConfigureAwait(false);
        var (opcode, _) = await ExchangeAsync(connection, 0, OpOptions, [], cancellationToken).ConfigureAwait(false);
        return opcode == OpSupported;
    }

    /// The number of rows in the node's system.peers: the other nodes it has learned about through gossip.
    public static Task<int> CountPeersAsync(string host, int port, CancellationToken cancellationToken = default) =>
        CountPeersAsync(host, port, tls: false, cancellationToken);

    /// The number of rows in the node's system.peers; over TLS when <paramref name="tls"/>. Throws
    /// <see cref="InvalidOperationException"/> when the node demands a login (the probe has no credentials).
    public static async Task<int> CountPeersAsync(string host, int port, bool tls, CancellationToken cancellationToken = default)
    {
        await using var connection = await ProbeConnection.OpenAsync(host, port, tls, cancellationToken).ConfigureAwait(false);
        var (opcode, body) = await ExchangeAsync(connection, 1, OpStartup, StartupBody(), cancellationToken).ConfigureAwait(false);
        if (opcode != OpReady)
        {
            throw new InvalidOperationException($"{host}:{port} answered STARTUP with opcode 0x{opcode:x2}: {ErrorText(opcode, body)}");
        }

        (opcode, body) = await ExchangeAsync(connection, 2, OpQuery, QueryBody("SELECT peer FROM system.peers"), cancellationToken)
            .ConfigureAwait(false);
        if (opcode != OpResult)
        {
            throw new InvalidOperationException($"{host}:{port} answered the peers query with opcode 0x{opcode:x2}: {ErrorText(opcode, body)}");
        }

        return CountRows(body);
    }

    /// Row count of a RESULT body of kind Rows (metadata skipped or present with simple column types).
    public static int CountRows(ReadOnlySpan<byte> body)
    {
        var kind = BinaryPrimitives.ReadInt32BigEndian(body);
        if (kind != ResultRows)
        {
            throw new InvalidOperationException($"Expected a Rows result, got kind {kind}.");
        }

        var position = 4;
        var flags = ReadInt(body, ref position);
        var columns = ReadInt(body, ref position);
        if ((flags & 0x0002) != 0)
        {
            var pagingState = ReadInt(body, ref position);
            position += Math.Max(0, pagingState);
        }

        if ((flags & 0x0004) == 0)
        {
            if ((flags & 0x0001) != 0)
            {
                SkipString(body, ref position);
                SkipString(body, ref position);
            }

            for (var c = 0; c < columns; c++)
            {
                if ((flags & 0x0001) == 0)
                {
                    SkipString(body, ref position);
                    SkipString(body, ref position);
                }

                SkipString(body, ref position);
                // Only simple (native) column types are expected in the probe's own queries.
                position += 2;
            }
        }

        return ReadInt(body, ref position);
    }

    private static async Task<(byte Opcode, byte[] Body)> ExchangeAsync(ProbeConnection connection, short stream, byte opcode,
        byte[] body, CancellationToken cancellationToken)
    {
        var frame = new byte[9 + body.Length];
        frame[0] = Version;
        frame[1] = 0;
        BinaryPrimitives.WriteInt16BigEndian(frame.AsSpan(2), stream);
        frame[4] = opcode;
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(5), body.Length);
        body.CopyTo(frame, 9);
        await connection.WriteAsync(frame, cancellationToken).ConfigureAwait(false);

        var header = await connection.ReadExactAsync(9, cancellationToken).ConfigureAwait(false);
        var length = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(5));
        var responseBody = await connection.ReadExactAsync(length, cancellationToken).ConfigureAwait(false);
        return (header[4], responseBody);
    }

    private static byte[] StartupBody()
    {
        // [string map] with one entry: CQL_VERSION => 3.0.0.
        using var ms = new MemoryStream();
        WriteShort(ms, 1);
        WriteString(ms, "CQL_VERSION");
        WriteString(ms, "3.0.0");
        return ms.ToArray();
    }

    private static byte[] QueryBody(string cql)
    {
        var text = Encoding.UTF8.GetBytes(cql);
        using var ms = new MemoryStream();
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, text.Length);
        ms.Write(length);
        ms.Write(text);
        WriteShort(ms, ConsistencyOne);
        ms.WriteByte(QueryFlagSkipMetadata);
        return ms.ToArray();
    }

    private static string ErrorText(byte opcode, byte[] body)
    {
        if (opcode != OpError || body.Length < 6)
        {
            return "unexpected response";
        }

        var position = 4;
        var length = BinaryPrimitives.ReadInt16BigEndian(body.AsSpan(position));
        return Encoding.UTF8.GetString(body, position + 2, Math.Min(length, body.Length - position - 2));
    }

    private static void WriteShort(MemoryStream ms, short value)
    {
        Span<byte> buffer = stackalloc byte[2];
        BinaryPrimitives.WriteInt16BigEndian(buffer, value);
        ms.Write(buffer);
    }

    private static void WriteString(MemoryStream ms, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        WriteShort(ms, (short)bytes.Length);
        ms.Write(bytes);
    }

    private static int ReadInt(ReadOnlySpan<byte> body, ref int position)
    {
        var value = BinaryPrimitives.ReadInt32BigEndian(body[position..]);
        position += 4;
        return value;
    }

    private static void SkipString(ReadOnlySpan<byte> body, ref int position) =>
        position += 2 + BinaryPrimitives.ReadUInt16BigEndian(body[position..]);
}
