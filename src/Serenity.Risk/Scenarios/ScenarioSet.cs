using Serenity.Risk.Windows;

namespace Serenity.Risk.Scenarios;

/// <summary>
/// Returns of several symbols lined up by bar timestamp: column j is one scenario (one bar time), row i one
/// symbol. The columns are the newest timestamps (at most <see cref="Capacity"/>) of the union of the
/// windows' timestamps, oldest first. A symbol without a bar at a column's time has return 0 there (its
/// price did not change; its next bar's return spans the gap). Each row's <see cref="Coverage"/> counts the
/// trailing columns its history reaches, so a portfolio uses only scenarios all its positions cover.
/// Immutable once built, so one set can be shared by many readers.
/// </summary>
public sealed class ScenarioSet
{
    /// <summary>Rows by symbol for wide sets; a few rows are found faster by a scan, without building a dictionary per set.</summary>
    private const int ScannedRows = 16;

    private readonly Dictionary<string, int>? _rows;
    private readonly string[] _symbols;
    private readonly double[] _returns;
    private readonly long[] _ticks;
    private readonly int[] _coverage;

    private ScenarioSet(string[] symbols, double[] returns, long[] ticks, int[] coverage, int capacity, int count)
    {
        _symbols = symbols;
        _returns = returns;
        _ticks = ticks;
        _coverage = coverage;
        Capacity = capacity;
        Count = count;
        if (symbols.Length <= ScannedRows) return;
        _rows = new Dictionary<string, int>(symbols.Length, StringComparer.Ordinal);
        for (var i = 0; i < symbols.Length; i++) _rows[symbols[i]] = i;
    }

    /// <summary>An empty set.</summary>
    public static ScenarioSet Empty { get; } = new([], [], [], [], 1, 0);

    /// <summary>The most columns (the window length).</summary>
    public int Capacity { get; }

    /// <summary>Columns (scenarios) held.</summary>
    public int Count { get; }

    /// <summary>The symbols, one per row.</summary>
    public IReadOnlyList<string> Symbols => _symbols;

    /// <summary>Timestamp of the newest column, or null when there is none.</summary>
    public DateTime? End => Count == 0 ? null : TimestampAt(Count - 1);

    /// <summary>The bar timestamp of column <paramref name="column"/> (0 = oldest).</summary>
    public DateTime TimestampAt(int column) => new(_ticks[column], DateTimeKind.Utc);

    /// <summary>The row of <paramref name="symbol"/>; false when it has none.</summary>
    public bool TryGetRow(string symbol, out int row)
    {
        if (_rows is not null) return _rows.TryGetValue(symbol, out row);
        row = Array.IndexOf(_symbols, symbol); // ordinal: string equality
        return row >= 0;
    }

    /// <summary>How many of the newest columns row <paramref name="row"/>'s history covers.</summary>
    public int Coverage(int row) => _coverage[row];

    /// <summary>Row <paramref name="row"/>'s returns, one per column, oldest first.</summary>
    public ReadOnlySpan<double> Returns(int row) => _returns.AsSpan(row * Capacity, Count);

    /// <summary>
    /// Lines up <paramref name="windows"/> by bar timestamp into at most <paramref name="capacity"/> columns:
    /// O(capacity x windows) time.
    /// </summary>
    public static ScenarioSet Align(IReadOnlyList<KeyValuePair<string, RollingReturnWindow>> windows, int capacity)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        var ticks = UnionOfNewest(windows, capacity, out var count);
        var symbols = new string[windows.Count];
        var returns = new double[windows.Count * capacity];
        var coverage = new int[windows.Count];
        for (var row = 0; row < windows.Count; row++)
        {
            var (symbol, window) = windows[row];
            symbols[row] = symbol;
            coverage[row] = FillRow(window, ticks, count, returns.AsSpan(row * capacity, count));
        }
        return new ScenarioSet(symbols, returns, ticks, coverage, capacity, count);
    }

    /// <summary>The newest distinct timestamps over all windows, oldest first, found by a backward merge.</summary>
    private static long[] UnionOfNewest(IReadOnlyList<KeyValuePair<string, RollingReturnWindow>> windows, int capacity, out int count)
    {
        var cursors = new int[windows.Count];
        for (var w = 0; w < windows.Count; w++) cursors[w] = windows[w].Value.Count - 1;
        var ticks = new long[capacity]; // filled from the end (newest last), then moved to the front
        count = 0;
        while (count < capacity)
        {
            var newest = long.MinValue;
            for (var w = 0; w < windows.Count; w++)
            {
                if (cursors[w] >= 0) newest = Math.Max(newest, windows[w].Value.TicksAt(cursors[w]));
            }
            if (newest == long.MinValue) break;
            ticks[capacity - 1 - count++] = newest;
            for (var w = 0; w < windows.Count; w++)
            {
                if (cursors[w] >= 0 && windows[w].Value.TicksAt(cursors[w]) == newest) cursors[w]--;
            }
        }
        if (count < capacity)
        {
            Array.Copy(ticks, capacity - count, ticks, 0, count);
            Array.Clear(ticks, count, capacity - count);
        }
        return ticks;
    }

    /// <summary>Writes one window's returns under their columns (0 elsewhere); returns the columns its history covers.</summary>
    private static int FillRow(RollingReturnWindow window, long[] ticks, int count, Span<double> row)
    {
        if (window.Count == 0) return 0;
        var i = window.Count - 1;
        var oldest = window.TicksAt(0);
        var covered = 0;
        for (var c = count - 1; c >= 0; c--)
        {
            if (i >= 0 && window.TicksAt(i) == ticks[c])
            {
                row[c] = window.ReturnAt(i);
                i--;
            }
            if (ticks[c] >= oldest) covered++;
        }
        return covered;
    }
}
