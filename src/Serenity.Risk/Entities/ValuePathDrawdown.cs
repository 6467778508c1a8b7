using Serenity.Risk.Measures;
using Serenity.Trading;

namespace Serenity.Risk.Entities;

/// <summary>
/// The drawdown of a portfolio's value history fetched in pieces: each piece starts at the newest timestamp already seen
/// (the query's bound is inclusive), so points sharing that timestamp are skipped by count, never added twice.
/// </summary>
internal sealed class ValuePathDrawdown
{
    private DrawdownTracker _tracker = new();
    private int _seenAtNewest;
    private DrawdownView? _view;

    /// <summary>The newest point's timestamp, or null before the first.</summary>
    public DateTime? NewestTimestamp { get; private set; }

    /// <summary>Forgets every point (the history was reset).</summary>
    public void Clear()
    {
        _tracker = new DrawdownTracker();
        _view = null;
        NewestTimestamp = null;
        _seenAtNewest = 0;
    }

    /// <summary>Adds the points of a fetch that started at <see cref="NewestTimestamp"/>; true when any was new.</summary>
    public bool Add(IReadOnlyList<ValuePoint> points)
    {
        var skip = _seenAtNewest;
        var added = false;
        foreach (var p in points)
        {
            if (NewestTimestamp is { } newest && p.Timestamp < newest) continue;
            if (NewestTimestamp == p.Timestamp && skip > 0)
            {
                skip--;
                continue;
            }
            _tracker.Add(p.Equity);
            _view = null;
            added = true;
            if (NewestTimestamp == p.Timestamp)
            {
                _seenAtNewest++;
            }
            else
            {
                NewestTimestamp = p.Timestamp;
                _seenAtNewest = 1;
                skip = 0;
            }
        }
        return added;
    }

    /// <summary>The fall of the newest point from the running peak.</summary>
    public double CurrentFraction => _tracker.CurrentFraction;

    /// <summary>The figures so far (one immutable view, shared until a point is added).</summary>
    public DrawdownView View()
    {
        var max = _tracker.Maximum;
        return _view ??= new DrawdownView(max.Amount, max.Fraction, _tracker.CurrentFraction, _tracker.Peak, _tracker.Count);
    }
}
