using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace OrderPipeline.Cql.Tests.Integration;

/// <summary>Routes the client's logs into the test output, so a failing integration test shows what the client saw.</summary>
internal sealed class TestOutputLoggerFactory(ITestOutputHelper output) : ILoggerFactory
{
    public void AddProvider(ILoggerProvider provider)
    {
    }

    public ILogger CreateLogger(string categoryName) => new TestOutputLogger(output);

    public void Dispose()
    {
    }

    private sealed class TestOutputLogger(ITestOutputHelper output) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            try
            {
                output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel}: {formatter(state, exception)} {exception?.Message}");
            }
            catch (InvalidOperationException)
            {
                // The test already finished; late logs are dropped.
            }
        }
    }
}
