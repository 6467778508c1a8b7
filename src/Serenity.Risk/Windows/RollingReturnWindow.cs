using Serenity.MarketData;

namespace Serenity.Risk.Windows;

/// <summary>
/// The last <see cref="Capacity"/> bar-to-bar simple returns of one symbol, each stamped with its bar's
/// timestamp (the bar start), in a ring buffer, with an order-statistic tree (k-th smallest in O(log N))
/// and compensated running sums (mean and variance in O(1)). Adding a return and dropping the oldest is
/// O(log N) and allocates nothing. Not thread-safe: one owner (an actor) updates it.
/// </summary>
public sealed class RollingReturnWindow
{
    private readonly double[] _returns;
    private readonly long[] _ticks;
    private readonly OrderStatisticTree _tree;
    private CompensatedSum _sum;
    private CompensatedSum _sumOfSquares;
    private int _start;
    private int _count;
    private decimal _lastClose;
    private decimal _previousClose;
    private long _lastTicks;
    private bool _hasClose;

    /// <summary>Creates an empty window holding at most <paramref name="capacity"/> returns.</summary>
    public RollingReturnWindow(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        Capacity = capacity;
        _returns = new double[capacity];
        _ticks = new long[capacity];
        _tree = new OrderStatisticTree(capacity);
    }

    /// <summary>The most returns held (the window length N).</summary>
    public int Capacity { get; }

    /// <summary>Returns held now (at most <see cref="Capacity"/>).</summary>
    public int Count => _count;

    /// <summary>True when <see cref="Count"/> equals <see cref="Capacity"/>.</summary>
    public bool IsFull => _count == Capacity;

    /// <summary>The newest close seen, or null before the first bar.</summary>
    public decimal? LastClose => _hasClose ? _lastClose : null;

    /// <summary>Timestamp of the newest close seen, or null before the first bar.</summary>
    public DateTime? LastTimestamp => _hasClose ? new DateTime(_lastTicks, DateTimeKind.Utc) : null;

    /// <summary>Mean of the returns held (0 when empty).</summary>
    public double Mean => _count == 0 ? 0 : _sum.Value / _count;

    /// <summary>Sample variance (divisor N-1) of the returns held (0 with fewer than two).</summary>
    public double Variance
    {
        get
        {
            if (_count < 2) return 0;
            var s = _sum.Value;
            return Math.Max(0, (_sumOfSquares.Value - (s * s / _count)) / (_count - 1));
        }
    }

    /// <summary>Applies a minute bar (or its correction); daily bars are ignored.</summary>
    public WindowChange Add(Bar bar)
    {
        ArgumentNullException.ThrowIfNull(bar);
        return bar.Kind == BarKind.Daily ? WindowChange.Ignored : Add(bar.Timestamp, bar.Close);
    }

    /// <summary>
    /// Applies a close at <paramref name="timestamp"/>: a later timestamp adds the return
    /// close / previous close - 1; the newest timestamp again replaces the newest return (a corrected bar);
    /// an older timestamp is ignored.
    /// </summary>
    public WindowChange Add(DateTime timestamp, decimal close)
    {
        if (close <= 0m) throw new ArgumentOutOfRangeException(nameof(close), close, "a close must be positive");
        var ticks = timestamp.Ticks;
        if (!_hasClose)
        {
            _hasClose = true;
            _lastClose = close;
            _lastTicks = ticks;
            return WindowChange.Started;
        }
        if (ticks > _lastTicks)
        {
            Push(ticks, SimpleReturn(_lastClose, close));
            _previousClose = _lastClose;
            _lastClose = close;
            _lastTicks = ticks;
            return WindowChange.Added;
        }
        if (ticks < _lastTicks) return WindowChange.Ignored;
        _lastClose = close;
        if (_count == 0) return WindowChange.Replaced; // the first close corrected: no return yet
        ReplaceNewest(SimpleReturn(_previousClose, close));
        return WindowChange.Replaced;
    }

    /// <summary>The <paramref name="k"/>-th smallest return held, 1-based (O(log N)).</summary>
    public double KthSmallest(int k) => _tree.KthSmallest(k);

    /// <summary>The <paramref name="k"/>-th largest return held, 1-based (O(log N)).</summary>
    public double KthLargest(int k) => _tree.KthSmallest(_count + 1 - k);

    /// <summary>Copies the smallest returns, ascending, into <paramref name="destination"/>; returns how many.</summary>
    public int CopySmallest(Span<double> destination) => _tree.CopySmallest(destination);

    /// <summary>The <paramref name="index"/>-th return held, oldest first.</summary>
    public double ReturnAt(int index) => _returns[Slot(index)];

    /// <summary>The timestamp of the <paramref name="index"/>-th return held, oldest first.</summary>
    public DateTime TimestampAt(int index) => new(TicksAt(index), DateTimeKind.Utc);

    /// <summary>Copies the returns held, oldest first; returns how many.</summary>
    public int CopyReturns(Span<double> destination)
    {
        var n = Math.Min(_count, destination.Length);
        for (var i = 0; i < n; i++) destination[i] = _returns[Slot(i)];
        return n;
    }

    /// <summary>Forgets everything (the window can be reused).</summary>
    public void Clear()
    {
        _tree.Clear();
        _sum.Clear();
        _sumOfSquares.Clear();
        _start = 0;
        _count = 0;
        _hasClose = false;
    }

    internal long TicksAt(int index) => _ticks[Slot(index)];

    private int NewestSlot => Slot(_count - 1);

    private int Slot(int index)
    {
        if ((uint)index >= (uint)_count) throw new ArgumentOutOfRangeException(nameof(index), index, $"index must be in 0..{_count - 1}");
        var s = _start + index;
        return s >= Capacity ? s - Capacity : s;
    }

    private static double SimpleReturn(decimal from, decimal to) => (double)(to - from) / (double)from;

    private void Push(long ticks, double value)
    {
        int slot;
        if (_count == Capacity)
        {
            slot = _start;
            Forget(slot);
            _start = _start + 1 == Capacity ? 0 : _start + 1;
        }
        else
        {
            slot = _start + _count;
            if (slot >= Capacity) slot -= Capacity;
            _count++;
        }
        Remember(slot, ticks, value);
    }

    private void ReplaceNewest(double value)
    {
        var slot = NewestSlot;
        Forget(slot);
        Remember(slot, _ticks[slot], value);
    }

    private void Forget(int slot)
    {
        var old = _returns[slot];
        _tree.Remove(slot);
        _sum.Add(-old);
        _sumOfSquares.Add(-(old * old));
    }

    private void Remember(int slot, long ticks, double value)
    {
        _returns[slot] = value;
        _ticks[slot] = ticks;
        _tree.Insert(slot, value);
        _sum.Add(value);
        _sumOfSquares.Add(value * value);
    }
}
