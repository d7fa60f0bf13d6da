namespace OrderPipeline.Cql.Protocol.Responses;

/// <summary>The kinds of RESULT message (spec 4.2.5).</summary>
internal enum ResultKind
{
    Void = 0x0001,
    Rows = 0x0002,
    SetKeyspace = 0x0003,
    Prepared = 0x0004,
    SchemaChange = 0x0005,
}
