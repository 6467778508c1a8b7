namespace Serenity.MarketData.Cleaning;

/// <summary>Tolerances of the <see cref="TickCleaner"/>.</summary>
public sealed record CleaningOptions
{
    /// <summary>Whether timestamps are checked against the clock at all (off for replays of old data).</summary>
    public bool CheckClock { get; init; } = true;

    /// <summary>A tick stamped later than clock + this is dropped.</summary>
    public TimeSpan MaxFutureSkew { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A tick stamped earlier than clock - this is dropped.</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>A tick older than its symbol's newest of the same kind by more than this is dropped; less is let through.</summary>
    public TimeSpan OutOfOrderTolerance { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Whether a locked quote (bid = ask) passes.</summary>
    public bool AllowLocked { get; init; }

    /// <summary>The symbols accepted; null: any.</summary>
    public IReadOnlySet<string>? Universe { get; init; }
}
