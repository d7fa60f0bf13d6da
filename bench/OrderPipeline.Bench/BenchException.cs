namespace OrderPipeline.Bench;

/// A benchmark step that could not produce a figure (a peer missing, a child process failing); the message says
/// which step and why, and the run records the step as not measured instead of inventing a figure.
public sealed class BenchException : Exception
{
    public BenchException()
    {
    }

    public BenchException(string message)
        : base(message)
    {
    }

    public BenchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
