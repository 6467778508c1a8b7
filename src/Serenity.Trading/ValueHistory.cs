namespace Serenity.Trading;

/// <summary>
/// A portfolio's value over time, oldest first, at most <c>size</c> points: one on every fill and reset, and one on a
/// revaluation when the last point is at least <c>interval</c> old.
/// </summary>
internal sealed class ValueHistory(int size, TimeSpan interval)
{
    private readonly LinkedList<ValuePoint> _points = new();

    public IReadOnlyCollection<ValuePoint> Points => _points;

    /// <summary>Adds a point for a fill or reset (always).</summary>
    public void Add(ValuePoint point)
    {
        _points.AddLast(point);
        while (_points.Count > size) _points.RemoveFirst();
    }

    /// <summary>Adds a point for a revaluation unless the last one is younger than the interval; true when added.</summary>
    public bool AddIfDue(ValuePoint point)
    {
        if (_points.Last is { } last && point.Timestamp - last.Value.Timestamp < interval) return false;
        Add(point);
        return true;
    }

    public void Clear() => _points.Clear();

    public void Restore(IEnumerable<ValuePoint>? points)
    {
        _points.Clear();
        foreach (var p in points ?? []) Add(p);
    }

    public IReadOnlyList<ValuePoint> Between(DateTime? from, DateTime? to) =>
        [.. _points.Where(p => (from is not { } f || p.Timestamp >= f) && (to is not { } t || p.Timestamp < t))];
}
