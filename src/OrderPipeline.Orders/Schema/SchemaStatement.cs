namespace OrderPipeline.Orders.Schema;

/// <summary>One CQL statement of the schema file, as `schema apply` executes it.</summary>
/// <param name="Comment">The comment lines directly above the statement, without the leading "--".</param>
/// <param name="Text">The statement exactly as written in the file, including the closing semicolon.</param>
/// <param name="Kind">What the statement creates: "KEYSPACE", "TABLE", ... (upper case), or "" if not a CREATE.</param>
/// <param name="Name">The created object's name as written (e.g. "ecommerce.orders"), or "".</param>
public sealed record SchemaStatement(string Comment, string Text, string Kind, string Name)
{
    /// <summary>The statement text without the trailing semicolon, as sent to the server in one request.</summary>
    public string TextWithoutSemicolon => Text.TrimEnd().TrimEnd(';').TrimEnd();

    /// <summary>The last dotted part of <see cref="Name"/> ("orders" for "ecommerce.orders").</summary>
    public string ShortName => Name[(Name.LastIndexOf('.') + 1)..];
}
