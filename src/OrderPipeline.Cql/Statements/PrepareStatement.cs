using OrderPipeline.Cql.Protocol.Requests;

namespace OrderPipeline.Cql.Statements;

/// <summary>A PREPARE run through the normal execution path (query plan, retries); preparing is idempotent.</summary>
internal sealed class PrepareStatement : CqlStatement
{
    public PrepareStatement(string query)
    {
        Query = query;
        IsIdempotent = true;
    }

    public string Query { get; }

    internal override IRequest BuildRequest(in RequestContext context) => new PrepareRequest(Query);
}
