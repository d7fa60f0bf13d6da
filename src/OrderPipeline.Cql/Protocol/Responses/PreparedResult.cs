namespace OrderPipeline.Cql.Protocol.Responses;

/// <summary>RESULT Prepared: the id, the bind markers and the result columns.</summary>
internal sealed record PreparedResult(byte[] Id, ResultMetadata Variables, ResultMetadata ResultColumns);
