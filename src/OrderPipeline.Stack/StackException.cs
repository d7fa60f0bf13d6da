namespace OrderPipeline.Stack;

/// What the caller can do about a stack failure; the CLI maps it to an exit code.
public enum StackErrorKind
{
    /// Bad input (topology out of range, bad subnet): exit 1.
    Usage,

    /// Java or npm missing, install failed: exit 2.
    Prerequisite,

    /// An address we need is held by a process that is not ours: exit 2.
    PortInUse,

    /// A server exited or did not answer in time: exit 2.
    ServerFailed,
}

public sealed class StackException : Exception
{
    public StackException(StackErrorKind kind, string message, Exception? inner = null)
        : base(message, inner) => Kind = kind;

    public StackException()
    {
    }

    public StackException(string message)
        : base(message)
    {
    }

    public StackException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StackErrorKind Kind { get; } = StackErrorKind.ServerFailed;
}
