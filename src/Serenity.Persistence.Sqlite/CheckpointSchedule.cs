using Serenity.Hocon;

namespace Serenity.Persistence.Sqlite;

/// <summary>
/// What a store asks of its file's background checkpointer: a passive pass every <see cref="Interval"/>, and a start
/// over of the write-ahead log once it holds <see cref="LogRestartBytes"/> (under steady writes it otherwise never
/// starts over; see <see cref="WalCheckpointer"/>). Where two stores share a file, the tighter of each wins.
/// </summary>
internal readonly record struct CheckpointSchedule
{
    /// <summary>How often the log is copied when the config does not say.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>The log's size that makes it start over when the config does not say.</summary>
    public const long DefaultLogRestartBytes = 32L * 1024 * 1024;

    public CheckpointSchedule(TimeSpan? interval = null, long? logRestartBytes = null)
    {
        Interval = interval ?? DefaultInterval;
        LogRestartBytes = logRestartBytes ?? DefaultLogRestartBytes;
        if (Interval <= TimeSpan.Zero) throw new ArgumentException($"checkpoint-interval must be positive, was {Interval}", nameof(interval));
        if (LogRestartBytes <= 0) throw new ArgumentException($"log-restart-size must be positive, was {LogRestartBytes} bytes", nameof(logRestartBytes));
    }

    public TimeSpan Interval { get; }

    public long LogRestartBytes { get; }

    /// <summary>A store's config section: <c>checkpoint-interval</c> (default 100 ms) and <c>log-restart-size</c> (default 32 MiB).</summary>
    public static CheckpointSchedule From(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new CheckpointSchedule(config.GetTimeSpan("checkpoint-interval", DefaultInterval), config.GetByteSize("log-restart-size", DefaultLogRestartBytes));
    }

    /// <summary>The shorter interval and the smaller size of the two.</summary>
    public CheckpointSchedule Tighter(CheckpointSchedule other) =>
        new(Interval < other.Interval ? Interval : other.Interval, Math.Min(LogRestartBytes, other.LogRestartBytes));
}
