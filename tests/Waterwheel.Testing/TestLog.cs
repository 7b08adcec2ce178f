using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Waterwheel.Testing;

/// <summary>
/// Where a test host's log goes instead of the console: kept with the host (for a test that asserts on it or prints it
/// when it fails) and, when the test gave its output, written there, so that a green run prints nothing.
/// </summary>
public sealed class TestLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public ITestOutputHelper? Output { get; set; }

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() => Output = null;

    private void Write(string line)
    {
        _lines.Enqueue(line);
        try
        {
            Output?.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test is over (a worker logged while its host stopped): the line stays in Lines.
        }
    }

    private sealed class Logger(TestLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            log.Write($"[{logLevel}] {category}: {formatter(state, exception)}{(exception is null ? "" : Environment.NewLine + exception)}");
        }
    }
}
