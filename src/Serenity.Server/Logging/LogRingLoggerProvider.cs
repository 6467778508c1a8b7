using Microsoft.Extensions.Logging;
using MsLogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace Serenity.Server.Logging;

/// <summary>
/// Sends ASP.NET Core log messages at <paramref name="minimum"/> or above into a <see cref="LogRing"/>, so HTTP-side
/// warnings and errors show in <c>pbm log peek</c> beside the actor system's log.
/// </summary>
public sealed class LogRingLoggerProvider(LogRing ring, TimeProvider clock, MsLogLevel minimum = MsLogLevel.Warning) : ILoggerProvider
{
    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new RingLogger(ring, clock, minimum, categoryName);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class RingLogger(LogRing ring, TimeProvider clock, MsLogLevel minimum, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(MsLogLevel logLevel) => logLevel >= minimum && logLevel != MsLogLevel.None;

        public void Log<TState>(MsLogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var message = formatter(state, exception);
            if (exception is not null) message += $" ({exception.GetType().Name}: {exception.Message})";
            ring.Add(clock.GetUtcNow(), Level(logLevel), category, message);
        }

        private static string Level(MsLogLevel level) => level switch
        {
            MsLogLevel.Trace or MsLogLevel.Debug => "debug",
            MsLogLevel.Information => "info",
            MsLogLevel.Warning => "warning",
            _ => "error",
        };
    }
}
