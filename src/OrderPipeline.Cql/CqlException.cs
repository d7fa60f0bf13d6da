namespace OrderPipeline.Cql;

/// <summary>Base of every error raised by the CQL client.</summary>
/// <remarks>
/// Subclasses say what the caller can do: <see cref="CqlConnectionException"/> and
/// <see cref="CqlNoHostAvailableException"/> (infrastructure), <see cref="CqlClientTimeoutException"/> (no answer in
/// time), <see cref="CqlServerException"/> and its subclasses (the server answered with an ERROR message) and
/// <see cref="CqlProtocolException"/> (a peer broke the protocol). Caller cancellation is reported as
/// <see cref="OperationCanceledException"/>, never as one of these.
/// </remarks>
public class CqlException : Exception
{
    /// <summary>Creates an exception with a message.</summary>
    public CqlException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public CqlException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the error that caused it.</summary>
    public CqlException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Whether retrying the same operation later may succeed without any change by the caller.</summary>
    public virtual bool IsTransient => false;
}
