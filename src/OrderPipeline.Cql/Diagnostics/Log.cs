using System.Net;
using Microsoft.Extensions.Logging;

namespace OrderPipeline.Cql.Diagnostics;

/// <summary>Source-generated log messages. Bound values and credentials never appear here.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "Connected to {Host} with protocol v{Version} (LZ4: {Compressed})")]
    public static partial void ConnectionOpened(ILogger logger, EndPoint host, byte version, bool compressed);

    [LoggerMessage(2, LogLevel.Debug, "Connection to {Host} closed: {Reason}")]
    public static partial void ConnectionClosed(ILogger logger, EndPoint host, string reason, Exception? protocolError);

    [LoggerMessage(3, LogLevel.Warning, "Server warning from {Host}: {Warning}")]
    public static partial void ServerWarning(ILogger logger, EndPoint host, string warning);

    [LoggerMessage(4, LogLevel.Warning, "{Host} answered on unknown stream {Stream} ({Opcode}); ignored")]
    public static partial void UnknownStream(ILogger logger, EndPoint host, short stream, string opcode);

    [LoggerMessage(5, LogLevel.Error, "Handling a server event from {Host} failed")]
    public static partial void EventHandlerFailed(ILogger logger, EndPoint host, Exception error);

    [LoggerMessage(6, LogLevel.Warning, "Heartbeat to {Host} failed")]
    public static partial void HeartbeatFailed(ILogger logger, EndPoint host, Exception error);

    [LoggerMessage(7, LogLevel.Information, "{Host} does not speak protocol v{Requested}; retrying with v{Next}")]
    public static partial void ProtocolDowngrade(ILogger logger, EndPoint host, byte requested, byte next);

    [LoggerMessage(8, LogLevel.Warning, "Node {Host} is down: {Reason}")]
    public static partial void HostDown(ILogger logger, EndPoint host, string reason);

    [LoggerMessage(9, LogLevel.Information, "Node {Host} is up")]
    public static partial void HostUp(ILogger logger, EndPoint host);

    [LoggerMessage(10, LogLevel.Debug, "Reconnecting to {Host} in {DelayMs} ms")]
    public static partial void ReconnectScheduled(ILogger logger, EndPoint host, double delayMs);

    [LoggerMessage(11, LogLevel.Information, "Re-preparing statement on {Host} after it answered UNPREPARED")]
    public static partial void Repreparing(ILogger logger, EndPoint host);

    [LoggerMessage(12, LogLevel.Debug, "Retrying on the next node after {Error} from {Host}")]
    public static partial void Retrying(ILogger logger, EndPoint host, string error);

    [LoggerMessage(13, LogLevel.Information, "Connected to cluster '{Cluster}' through {Host}: {NodeCount} node(s), protocol v{Version}")]
    public static partial void SessionConnected(ILogger logger, string cluster, EndPoint host, int nodeCount, byte version);

    [LoggerMessage(14, LogLevel.Warning, "Control connection lost; reconnecting")]
    public static partial void ControlConnectionLost(ILogger logger, Exception? error);

    [LoggerMessage(15, LogLevel.Debug, "Cluster event: {Event}")]
    public static partial void ClusterEvent(ILogger logger, string @event);

    [LoggerMessage(16, LogLevel.Warning, "Refreshing the node list failed")]
    public static partial void TopologyRefreshFailed(ILogger logger, Exception error);

    [LoggerMessage(17, LogLevel.Debug, "Speculative execution started on {Host}")]
    public static partial void SpeculativeExecution(ILogger logger, EndPoint host);

    [LoggerMessage(18, LogLevel.Warning, "The nodes did not agree on the schema within {Milliseconds} ms after a schema change ({Versions} versions); continuing")]
    public static partial void SchemaDisagreement(ILogger logger, double milliseconds, int versions);

    [LoggerMessage(19, LogLevel.Debug, "Schema agreement after {Milliseconds} ms")]
    public static partial void SchemaAgreed(ILogger logger, double milliseconds);
}
