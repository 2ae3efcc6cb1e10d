using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PeeringFunctions.Testing.Logging;

/// <summary>Keeps every log line (message and exception text) so tests can look for secrets in them.</summary>
public sealed class LogSink : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    /// <summary>Every line with its event id and level, for tests that count a named event.</summary>
    public ConcurrentQueue<(EventId Event, LogLevel Level, string Message)> Entries { get; } = new();

    /// <summary>The messages logged with <paramref name="eventId"/> (matched by its number).</summary>
    public IReadOnlyList<string> MessagesOf(EventId eventId) => [.. Entries.Where(e => e.Event.Id == eventId.Id).Select(e => e.Message)];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AssertNoneContains(params string[] secrets)
    {
        foreach (var line in Lines)
        {
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, line, StringComparison.Ordinal);
            }
        }
    }

    public void Dispose()
    {
    }

    private sealed class Logger(LogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var state_ = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            sink.Entries.Enqueue((eventId, logLevel, formatter(state, exception)));
            sink.Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} [{state_}] {exception}");
        }
    }
}
