using System.Globalization;

namespace Serenity.Actors;

/// <summary>Severity of a log event.</summary>
public enum LogLevel
{
    /// <summary>Detail for developers.</summary>
    Debug,

    /// <summary>Normal operation.</summary>
    Info,

    /// <summary>Something unexpected that the system handled.</summary>
    Warning,

    /// <summary>A failure.</summary>
    Error,

    /// <summary>Nothing is logged.</summary>
    Off,
}

/// <summary>A log line published on the event stream; loggers and the TestKit's EventFilter subscribe.</summary>
public sealed record LogEvent(LogLevel Level, string LogSource, string Message, Exception? Cause, DateTimeOffset Timestamp)
{
    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"[{Level.ToString().ToUpperInvariant()}][{Timestamp:yyyy-MM-ddTHH:mm:ss.fffZ}][{LogSource}] {Message}")
        + (Cause is null ? "" : Environment.NewLine + Cause);
}

/// <summary>Writes log events; obtained with <c>Context.GetLogger()</c> or <c>system.Log</c>.</summary>
public interface ILoggingAdapter
{
    /// <summary>Whether events of <paramref name="level"/> are published.</summary>
    bool IsEnabled(LogLevel level);

    /// <summary>Publishes a log event (if enabled).</summary>
    void Log(LogLevel level, Exception? cause, string message);
}

/// <summary>Convenience methods on <see cref="ILoggingAdapter"/>.</summary>
public static class LoggingAdapterExtensions
{
    /// <summary>Logs at debug level.</summary>
    public static void Debug(this ILoggingAdapter log, string message) => log.Log(LogLevel.Debug, null, message);

    /// <summary>Logs at info level.</summary>
    public static void Info(this ILoggingAdapter log, string message) => log.Log(LogLevel.Info, null, message);

    /// <summary>Logs at warning level.</summary>
    public static void Warning(this ILoggingAdapter log, string message) => log.Log(LogLevel.Warning, null, message);

    /// <summary>Logs at error level.</summary>
    public static void Error(this ILoggingAdapter log, string message) => log.Log(LogLevel.Error, null, message);

    /// <summary>Logs at error level with the exception that caused it.</summary>
    public static void Error(this ILoggingAdapter log, Exception cause, string message) => log.Log(LogLevel.Error, cause, message);
}

/// <summary>Publishes to the event stream under a source name.</summary>
internal sealed class BusLogging(EventStream stream, string source, LogLevel minimum, TimeProvider clock) : ILoggingAdapter
{
    public bool IsEnabled(LogLevel level) => level >= minimum && level != LogLevel.Off;

    public void Log(LogLevel level, Exception? cause, string message)
    {
        if (IsEnabled(level)) stream.Publish(new LogEvent(level, source, message, cause, clock.GetUtcNow()));
    }
}

/// <summary>Prints log events to standard output as they are published (no actor in between, so nothing is lost at shutdown).</summary>
internal sealed class StandardOutLogger(LogLevel minimum) : MinimalActorRef(new RootActorPath(new Address(Address.DefaultProtocol, "stdout")).Child("StandardOutLogger"))
{
    private readonly object _gate = new();

    public override void Tell(object message, IActorRef? sender)
    {
        if (message is not LogEvent e || e.Level < minimum) return;
        lock (_gate) Console.Out.WriteLine(e.ToString());
    }
}
