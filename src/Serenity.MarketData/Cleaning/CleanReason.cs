namespace Serenity.MarketData.Cleaning;

/// <summary>What the cleaner did to a tick, one counter each.</summary>
public enum CleanReason
{
    /// <summary>Passed unchanged.</summary>
    Passed,

    /// <summary>Dropped: bid above ask.</summary>
    Crossed,

    /// <summary>Dropped: bid equal to ask (unless locked quotes are allowed).</summary>
    Locked,

    /// <summary>Dropped: a price zero or negative.</summary>
    NonPositivePrice,

    /// <summary>Dropped: a size below zero (or a trade of size zero).</summary>
    BadSize,

    /// <summary>Dropped: timestamped too far ahead of the clock.</summary>
    FutureTimestamp,

    /// <summary>Dropped: timestamped too far behind the clock.</summary>
    StaleTimestamp,

    /// <summary>Dropped: older than the symbol's last tick by more than the tolerance.</summary>
    OutOfOrder,

    /// <summary>Dropped: a symbol outside the configured universe.</summary>
    UnknownSymbol,

    /// <summary>Repaired: the symbol had spaces or lower case.</summary>
    RepairedSymbol,

    /// <summary>Repaired: a bar whose high/low did not contain its open/close was widened.</summary>
    RepairedBarRange,
}

/// <summary>Counters per <see cref="CleanReason"/>; readable from any thread.</summary>
public sealed class CleaningCounters
{
    private readonly long[] _counts = new long[Enum.GetValues<CleanReason>().Length];

    /// <summary>The count of one reason.</summary>
    public long this[CleanReason reason] => Volatile.Read(ref _counts[(int)reason]);

    /// <summary>Ticks dropped, all reasons.</summary>
    public long Dropped => Enum.GetValues<CleanReason>().Where(IsDrop).Sum(r => this[r]);

    /// <summary>Whether a reason drops the tick (the others pass it on, repaired or not).</summary>
    public static bool IsDrop(CleanReason reason) => reason is not (CleanReason.Passed or CleanReason.RepairedSymbol or CleanReason.RepairedBarRange);

    // One writer (the cleaner, on its stream's thread): a plain increment published with a volatile write,
    // not an interlocked one, which would fence every tick on the graph's hottest path.
    internal void Increment(CleanReason reason)
    {
        ref var count = ref _counts[(int)reason];
        Volatile.Write(ref count, count + 1);
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Join(", ", Enum.GetValues<CleanReason>().Where(r => this[r] > 0).Select(r => $"{r}={this[r]}"));
}
