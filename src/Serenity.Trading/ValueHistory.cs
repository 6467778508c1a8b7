namespace Serenity.Trading;

/// <summary>
/// A portfolio's value over time, oldest first, at most <c>size</c> points: one on every fill and reset, and one on a
/// revaluation when the last point is at least <c>interval</c> old.
/// </summary>
internal sealed class ValueHistory(int size, TimeSpan interval)
{
    // Each point carries the newest timestamp up to it (points are added in arrival order, which is not always time
    // order: a fill stamped by the Account can arrive after a revaluation point), so a read "since T" walks back from the
    // newest point only until everything before is older than T, instead of over the whole history on every fill.
    private readonly LinkedList<(ValuePoint Point, DateTime NewestSoFar)> _points = new();

    public IEnumerable<ValuePoint> Points => _points.Select(p => p.Point);

    /// <summary>Adds a point for a fill or reset (always).</summary>
    public void Add(ValuePoint point)
    {
        var newest = _points.Last is { } last && last.Value.NewestSoFar > point.Timestamp ? last.Value.NewestSoFar : point.Timestamp;
        _points.AddLast((point, newest));
        while (_points.Count > size) _points.RemoveFirst();
    }

    /// <summary>Whether a revaluation at <paramref name="at"/> adds a point: the last one is at least the interval old.</summary>
    public bool IsDue(DateTime at) => _points.Last is not { } last || at - last.Value.Point.Timestamp >= interval;

    public void Clear() => _points.Clear();

    public void Restore(IEnumerable<ValuePoint>? points)
    {
        _points.Clear();
        foreach (var p in points ?? []) Add(p);
    }

    /// <summary>The points in [<paramref name="from"/>, <paramref name="to"/>) (either end open when null), in history order.</summary>
    public IReadOnlyList<ValuePoint> Between(DateTime? from, DateTime? to)
    {
        var start = _points.First;
        if (from is { } f)
        {
            var node = _points.Last;
            while (node is not null && node.Value.NewestSoFar >= f) node = node.Previous;
            start = node is null ? _points.First : node.Next; // node and everything before it are older than from
        }
        var result = new List<ValuePoint>();
        for (var node = start; node is not null; node = node.Next)
        {
            var p = node.Value.Point;
            if ((from is not { } lo || p.Timestamp >= lo) && (to is not { } hi || p.Timestamp < hi)) result.Add(p);
        }
        return result;
    }
}
