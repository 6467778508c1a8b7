namespace Serenity.Risk.Windows;

/// <summary>What a price did to a <see cref="RollingReturnWindow"/>.</summary>
public enum WindowChange
{
    /// <summary>Nothing: a daily bar, or a bar older than the newest one.</summary>
    Ignored,

    /// <summary>The first close: no return yet, the next bar makes one.</summary>
    Started,

    /// <summary>A new return was added (and, when full, the oldest dropped).</summary>
    Added,

    /// <summary>A corrected bar for the newest timestamp replaced the newest return.</summary>
    Replaced,
}
