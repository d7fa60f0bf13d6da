namespace OrderPipeline.Docs;

/// <summary>The documents can't be generated as asked: a placeholder can't be filled, a source is malformed.</summary>
public sealed class DocsException : Exception
{
    public DocsException()
    {
    }

    public DocsException(string message)
        : base(message)
    {
    }

    public DocsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
