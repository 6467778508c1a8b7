namespace Serenity.MarketData.Bars;

/// <summary>How trades become bars.</summary>
public sealed record BarOptions
{
    /// <summary>The window length; windows are aligned to multiples of it since midnight UTC.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long after a window's end a late trade still counts: it re-emits the bar as
    /// <see cref="BarKind.Updated"/>. Later trades are dropped and counted.
    /// </summary>
    public TimeSpan AllowedLateness { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How far behind the newest trade time the watermark runs: a window fires once the watermark passes
    /// its end, so this is the out-of-orderness absorbed before the first emission.
    /// </summary>
    public TimeSpan WatermarkDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether a symbol without trades in a window gets a flat bar (volume 0) at its last close.</summary>
    public bool EmitEmptyBars { get; init; }
}
