using Serenity.MarketData;
using Serenity.Risk.Scenarios;

namespace Serenity.Risk.Windows;

/// <summary>
/// One user's rolling return windows, one per held symbol: seeded from stored bars when a position opens,
/// advanced by each new <c>bars.{SYM}</c> bar, freed when the position closes. Not thread-safe (one owner).
/// </summary>
public sealed class WindowSet
{
    private readonly Dictionary<string, RollingReturnWindow> _windows = new(StringComparer.Ordinal);

    /// <summary>Creates an empty set whose windows hold <paramref name="windowLength"/> returns.</summary>
    public WindowSet(int windowLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(windowLength, 2);
        WindowLength = windowLength;
    }

    /// <summary>Returns per window (N).</summary>
    public int WindowLength { get; }

    /// <summary>The symbols that have a window.</summary>
    public IReadOnlyCollection<string> Symbols => _windows.Keys;

    /// <summary>Number of windows.</summary>
    public int Count => _windows.Count;

    /// <summary>True when <paramref name="symbol"/> has a window.</summary>
    public bool Contains(string symbol) => _windows.ContainsKey(symbol);

    /// <summary>The window of <paramref name="symbol"/>, or null.</summary>
    public RollingReturnWindow? Get(string symbol) => _windows.GetValueOrDefault(symbol);

    /// <summary>
    /// Opens (or rebuilds) the window of <paramref name="symbol"/> from stored bars of that symbol, in any
    /// order; only the newest <see cref="WindowLength"/> returns are kept.
    /// </summary>
    public RollingReturnWindow Seed(string symbol, IEnumerable<Bar> history)
    {
        ArgumentException.ThrowIfNullOrEmpty(symbol);
        ArgumentNullException.ThrowIfNull(history);
        if (!_windows.TryGetValue(symbol, out var window))
        {
            window = new RollingReturnWindow(WindowLength);
            _windows[symbol] = window;
        }
        else
        {
            window.Clear();
        }
        var bars = history.Where(b => b.Kind != BarKind.Daily && string.Equals(b.Symbol, symbol, StringComparison.Ordinal)).ToList();
        // Stored bars come oldest first: sort (stably, as equal times replace each other in order) only when they do not.
        IEnumerable<Bar> ordered = InTimeOrder(bars) ? bars : bars.OrderBy(b => b.Timestamp);
        foreach (var bar in ordered) window.Add(bar);
        return window;
    }

    private static bool InTimeOrder(List<Bar> bars)
    {
        for (var i = 1; i < bars.Count; i++)
        {
            if (bars[i].Timestamp < bars[i - 1].Timestamp) return false;
        }
        return true;
    }

    /// <summary>Applies a new bar to its symbol's window; false when the symbol has no window or the bar changed nothing.</summary>
    public bool Advance(Bar bar)
    {
        ArgumentNullException.ThrowIfNull(bar);
        return _windows.TryGetValue(bar.Symbol, out var window) && window.Add(bar) != WindowChange.Ignored;
    }

    /// <summary>Frees the window of <paramref name="symbol"/> (its position closed); false when there was none.</summary>
    public bool Free(string symbol) => _windows.Remove(symbol);

    /// <summary>
    /// Makes the windows follow the holdings: seeds a window for every held symbol that has none (from
    /// <paramref name="history"/>) and frees the windows of symbols no longer held.
    /// </summary>
    public void Follow(IEnumerable<string> heldSymbols, Func<string, IEnumerable<Bar>> history)
    {
        ArgumentNullException.ThrowIfNull(heldSymbols);
        ArgumentNullException.ThrowIfNull(history);
        var held = new HashSet<string>(heldSymbols, StringComparer.Ordinal);
        foreach (var gone in _windows.Keys.Where(s => !held.Contains(s)).ToList()) _windows.Remove(gone);
        foreach (var symbol in held.Where(s => !_windows.ContainsKey(s))) Seed(symbol, history(symbol));
    }

    /// <summary>The windows' returns aligned by bar timestamp (see <see cref="ScenarioSet.Align"/>).</summary>
    public ScenarioSet Scenarios() => ScenarioSet.Align(_windows.ToList(), WindowLength);
}
