namespace Serenity.Trading;

/// <summary>
/// A portfolio's value over time, oldest first, at most <c>size</c> points: one on every fill and reset, and one on a
/// revaluation when the last point is at least <c>interval</c> old.
/// </summary>
internal sealed class ValueHistory(int size, TimeSpan interval)
{
    // A ring of plain values (no object per point, no references for the GC to trace): every fill adds a point.
    // Each entry carries the newest timestamp up to it (points are added in arrival order, which is not always time
    // order: a fill stamped by the Account can arrive after a revaluation point), so a read "since T" walks back from the
    // newest entry only until everything before is older than T, instead of over the whole history on every fill.
    private readonly BoundedRing<Entry> _ring = new(size);

    /// <summary>Adds a point for a fill or reset (always).</summary>
    public void Add(ValuePoint point) => Add(point.Timestamp, point.Equity, point.Cash, point.MarketValue);

    /// <summary>Adds a point (the same as <see cref="Add(ValuePoint)"/> without the point object).</summary>
    public void Add(DateTime at, decimal equity, decimal cash, decimal marketValue)
    {
        var newest = _ring.Count > 0 && Last.NewestSoFar > at ? Last.NewestSoFar : at;
        _ring.Add(new Entry(at, equity, cash, marketValue, newest));
    }

    /// <summary>Whether a revaluation at <paramref name="at"/> adds a point: the last one is at least the interval old.</summary>
    public bool IsDue(DateTime at) => _ring.Count == 0 || at - Last.Timestamp >= interval;

    public void Clear() => _ring.Clear();

    public void Restore(IEnumerable<ValuePoint>? points)
    {
        Clear();
        foreach (var p in points ?? []) Add(p);
    }

    /// <summary>The points in [<paramref name="from"/>, <paramref name="to"/>) (either end open when null), in history order.</summary>
    public IReadOnlyList<ValuePoint> Between(DateTime? from, DateTime? to)
    {
        var start = 0;
        if (from is { } f)
        {
            var i = _ring.Count - 1;
            while (i >= 0 && _ring[i].NewestSoFar >= f) i--;
            start = i + 1; // entry i and everything before it are older than from
        }
        var result = new List<ValuePoint>(_ring.Count - start);
        for (var i = start; i < _ring.Count; i++)
        {
            var e = _ring[i];
            if ((from is not { } lo || e.Timestamp >= lo) && (to is not { } hi || e.Timestamp < hi)) result.Add(new ValuePoint(e.Timestamp, e.Equity, e.Cash, e.MarketValue));
        }
        return result;
    }

    private ref readonly Entry Last => ref _ring[_ring.Count - 1];

    private readonly record struct Entry(DateTime Timestamp, decimal Equity, decimal Cash, decimal MarketValue, DateTime NewestSoFar);
}
