namespace OrderPipeline.Stack.Processes;

/// The POSIX signals the stack sends (Linux numbers).
public enum Signal
{
    Hangup = 1,
    Interrupt = 2,
    Quit = 3,
    Kill = 9,
    Pipe = 13,
    Terminate = 15,
    Continue = 18,
    Stop = 19,
}
